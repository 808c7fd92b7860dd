package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** The layout {@code error} and {@code warning} share: channel_id, u16 len, data, extension TLVs. */
final class ChannelText {

    private ChannelText() {}

    /** Builds the message record from the decoded fields. */
    @FunctionalInterface
    interface Factory<M> {
        M create(Bytes channelId, Bytes data, TlvStream tlvs);
    }

    static void check(Bytes channelId, Bytes data, TlvStream tlvs) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkChannelId(channelId);
        Messages.checkU16Length("data", data);
    }

    static <M> M decode(WireReader in, String message, TlvNamespace tlvs, Factory<M> factory) throws WireException {
        Bytes channelId = in.channelId(message + ".channel_id");
        int len = in.u16(message + ".len");
        Bytes data = in.bytes(len, message + ".data");
        return factory.create(channelId, data, TlvStream.decode(in, tlvs));
    }

    static void encode(Bytes channelId, Bytes data, TlvStream tlvs, WireWriter out) {
        out.channelId(channelId).u16(data.size()).bytes(data);
        tlvs.encode(out);
    }
}
