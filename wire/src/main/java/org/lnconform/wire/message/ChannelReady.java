package org.lnconform.wire.message;

import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvFields;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code channel_ready} (type 36), BOLT 2, The channel_ready Message: the funding transaction
 * is deep enough; carries the next per-commitment point.
 */
public record ChannelReady(Bytes channelId, Bytes secondPerCommitmentPoint, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 36;

    /** {@code channel_ready_tlvs} type 1: an alias the peer may use in routing hints. */
    public static final TlvField<ShortChannelId> SHORT_CHANNEL_ID = TlvFields.shortChannelId(1, "short_channel_id");

    public static final TlvNamespace TLVS = TlvNamespace.of("channel_ready_tlvs", SHORT_CHANNEL_ID);

    public static final MessageCodec<ChannelReady> CODEC = MessageCodec.of(MessageType.CHANNEL_READY,
            ChannelReady.class, TLVS, ChannelReady::decode, ChannelReady::encode);

    public ChannelReady {
        Messages.checkChannelId(channelId);
        Messages.checkSize("second_per_commitment_point", secondPerCommitmentPoint, 33);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public Optional<ShortChannelId> alias() throws WireException {
        return tlvs.get(SHORT_CHANNEL_ID);
    }

    private static ChannelReady decode(WireReader in) throws WireException {
        return new ChannelReady(in.channelId("channel_ready.channel_id"),
                in.point("channel_ready.second_per_commitment_point"), TlvStream.decode(in, TLVS));
    }

    private static void encode(ChannelReady m, WireWriter out) {
        out.channelId(m.channelId).bytes(m.secondPerCommitmentPoint);
        m.tlvs.encode(out);
    }
}
