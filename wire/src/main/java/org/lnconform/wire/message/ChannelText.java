package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * What {@code error} and {@code warning} share (BOLT 1, The error and warning Messages): the
 * layout channel_id, u16 len, data, extension; the all-channels rule; and how data is shown.
 * Both records declare their codec with {@link #codec}.
 */
public sealed interface ChannelText extends Extensible permits ErrorMessage, Warning {

    Bytes channelId();

    Bytes data();

    /** An all-zero {@code channel_id} refers to all channels. */
    default boolean isAllChannels() {
        return channelId().isAllZero();
    }

    /** {@code data} as text if it is printable ASCII, else {@code hex:...}. */
    default String dataText() {
        return Messages.printable(data());
    }

    /** Builds the message record from the decoded fields. */
    @FunctionalInterface
    interface Factory<M> {
        M create(Bytes channelId, Bytes data, TlvStream tlvs);
    }

    /** The codec of a channel_id/len/data/extension message. */
    static <M extends LightningMessage & ChannelText> MessageCodec<M> codec(MessageType type, Class<M> messageClass,
            TlvNamespace tlvs, Factory<M> factory) {
        String at = type.specName();
        return MessageCodec.of(type, messageClass, tlvs, in -> {
            Bytes channelId = in.channelId(at + ".channel_id");
            int len = in.u16(at + ".len");
            Bytes data = in.bytes(len, at + ".data");
            return factory.create(channelId, data, TlvStream.decode(in, tlvs));
        }, (m, out) -> write(m, out));
    }

    private static void write(ChannelText m, WireWriter out) {
        out.channelId(m.channelId()).u16(m.data().size()).bytes(m.data());
        m.tlvs().encode(out);
    }

    /** The checks of the record constructors. */
    static void check(Bytes channelId, Bytes data, TlvStream tlvs) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkChannelId(channelId);
        Messages.checkU16Length("data", data);
    }
}
