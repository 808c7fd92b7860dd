package org.lnconform.wire.message;

import java.nio.charset.StandardCharsets;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** `warning` (type 1), BOLT 1: reports a problem to the peer without failing any channel. */
public record Warning(Bytes channelId, Bytes data, TlvStream tlvs) implements LightningMessage, ChannelText {

    public static final int TYPE = 1;

    /** BOLT 1 defines no TLVs for this message yet. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("warning_tlvs");

    public static final MessageCodec<Warning> CODEC =
            ChannelText.codec(MessageType.WARNING, Warning.class, TLVS, Warning::new);

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
}
