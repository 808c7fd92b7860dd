package org.lnconform.wire.message;

import java.nio.charset.StandardCharsets;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/** `error` (type 17), BOLT 1: tells the peer the channel (or, with an all-zero channel_id, every channel) has failed. */
public record ErrorMessage(Bytes channelId, Bytes data, TlvStream tlvs) implements LightningMessage, ChannelText {

    public static final int TYPE = 17;

    /** BOLT 1 defines no TLVs for this message yet. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("error_tlvs");

    public static final MessageCodec<ErrorMessage> CODEC =
            ChannelText.codec(MessageType.ERROR, ErrorMessage.class, TLVS, ErrorMessage::new);

    public ErrorMessage {
        ChannelText.check(channelId, data, tlvs);
    }

    public ErrorMessage(Bytes channelId, Bytes data) {
        this(channelId, data, TlvStream.empty());
    }

    /** About every channel (all-zero {@code channel_id}), with an ASCII text. */
    public static ErrorMessage allChannels(String text) {
        return new ErrorMessage(Bytes.zeros(32), Bytes.of(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @Override
    public int type() {
        return TYPE;
    }
}
