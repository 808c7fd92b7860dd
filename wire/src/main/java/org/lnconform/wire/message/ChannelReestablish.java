package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code channel_reestablish} (type 136), BOLT 2, Message Retransmission: where each side is
 * after a reconnection.
 */
public record ChannelReestablish(Bytes channelId, long nextCommitmentNumber, long nextRevocationNumber,
        Bytes yourLastPerCommitmentSecret, Bytes myCurrentPerCommitmentPoint, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 136;

    /** The value of {@code next_funding} and {@code my_current_funding_locked}: a txid and retransmit_flags. */
    public record FundingTxid(Bytes txid, int retransmitFlags) {
    }

    /** {@code channel_reestablish_tlvs} type 1. */
    public static final TlvField<FundingTxid> NEXT_FUNDING = fundingTxid(1, "next_funding");

    /** {@code channel_reestablish_tlvs} type 5. */
    public static final TlvField<FundingTxid> MY_CURRENT_FUNDING_LOCKED = fundingTxid(5, "my_current_funding_locked");

    public static final TlvNamespace TLVS =
            TlvNamespace.of("channel_reestablish_tlvs", NEXT_FUNDING, MY_CURRENT_FUNDING_LOCKED);

    public static final MessageCodec<ChannelReestablish> CODEC = MessageCodec.of(MessageType.CHANNEL_REESTABLISH,
            ChannelReestablish.class, TLVS, ChannelReestablish::decode, ChannelReestablish::encode);

    public ChannelReestablish {
        Messages.checkChannelId(channelId);
        Messages.checkSize("your_last_per_commitment_secret", yourLastPerCommitmentSecret, 32);
        Messages.checkSize("my_current_per_commitment_point", myCurrentPerCommitmentPoint, 33);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static TlvField<FundingTxid> fundingTxid(long type, String name) {
        return TlvField.of(type, name, r -> {
            FundingTxid v = new FundingTxid(r.bytes(32, name + ".txid"), r.u8(name + ".retransmit_flags"));
            r.requireEnd(name);
            return v;
        }, (w, v) -> w.bytes(v.txid()).u8(v.retransmitFlags()));
    }

    private static ChannelReestablish decode(WireReader in) throws WireException {
        return new ChannelReestablish(in.channelId("channel_reestablish.channel_id"),
                in.u64("channel_reestablish.next_commitment_number"),
                in.u64("channel_reestablish.next_revocation_number"),
                in.bytes(32, "channel_reestablish.your_last_per_commitment_secret"),
                in.point("channel_reestablish.my_current_per_commitment_point"), TlvStream.decode(in, TLVS));
    }

    private static void encode(ChannelReestablish m, WireWriter out) {
        out.channelId(m.channelId).u64(m.nextCommitmentNumber).u64(m.nextRevocationNumber)
                .bytes(m.yourLastPerCommitmentSecret).bytes(m.myCurrentPerCommitmentPoint);
        m.tlvs.encode(out);
    }
}
