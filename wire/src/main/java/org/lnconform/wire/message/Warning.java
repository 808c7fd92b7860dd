package org.lnconform.wire.message;

import java.nio.charset.StandardCharsets;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** `warning` (type 1), BOLT 1: reports a problem to the peer without failing any channel. */
public record Warning(Bytes channelId, Bytes data, TlvStream tlvs) implements LightningMessage {

    public static final int TYPE = 1;

    /** BOLT 1 defines no TLVs for this message yet. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("warning_tlvs");

    public static final MessageCodec<Warning> CODEC =
            MessageCodec.of(TYPE, "warning", Warning.class, TLVS, Warning::decode, Warning::encode);

    public Warning {
        ChannelText.check(channelId, data, tlvs);
    }

    public Warning(Bytes channelId, Bytes data) {
        this(channelId, data, TlvStream.empty());
    }

    /** About every channel (all-zero {@code channel_id}), with an ASCII text. */
    public static Warning allChannels(String text) {
        return new Warning(Bytes.zeros(32), Bytes.of(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** An all-zero {@code channel_id} refers to all channels. */
    public boolean isAllChannels() {
        return channelId.isAllZero();
    }

    /** {@code data} as text if it is printable ASCII, else {@code hex:...}. */
    public String dataText() {
        return Messages.printable(data);
    }

    private static Warning decode(WireReader in) throws WireException {
        return ChannelText.decode(in, "warning", TLVS, Warning::new);
    }

    private static void encode(Warning m, WireWriter out) {
        ChannelText.encode(m.channelId, m.data, m.tlvs, out);
    }
}
