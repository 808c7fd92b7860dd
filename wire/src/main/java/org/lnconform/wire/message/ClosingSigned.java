package org.lnconform.wire.message;

import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code closing_signed} (type 39), BOLT 2, Legacy Closing Negotiation: a proposed fee and the
 * sender's signature of the closing transaction with that fee.
 */
public record ClosingSigned(Bytes channelId, long feeSatoshis, Bytes signature, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 39;

    /** {@code closing_signed_tlvs} type 1 {@code fee_range}: the fees the sender would accept. */
    public record FeeRange(long minFeeSatoshis, long maxFeeSatoshis) {
    }

    public static final TlvField<FeeRange> FEE_RANGE = TlvField.of(1, "fee_range",
            r -> {
                FeeRange range = new FeeRange(r.u64("fee_range.min_fee_satoshis"), r.u64("fee_range.max_fee_satoshis"));
                r.requireEnd("fee_range");
                return range;
            },
            (w, range) -> w.u64(range.minFeeSatoshis()).u64(range.maxFeeSatoshis()));

    public static final TlvNamespace TLVS = TlvNamespace.of("closing_signed_tlvs", FEE_RANGE);

    public static final MessageCodec<ClosingSigned> CODEC = MessageCodec.of(MessageType.CLOSING_SIGNED,
            ClosingSigned.class, TLVS, ClosingSigned::decode, ClosingSigned::encode);

    public ClosingSigned {
        Messages.checkChannelId(channelId);
        Messages.checkSize("signature", signature, 64);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    @Override
    public int type() {
        return TYPE;
    }

    public Optional<FeeRange> feeRange() throws WireException {
        return tlvs.get(FEE_RANGE);
    }

    private static ClosingSigned decode(WireReader in) throws WireException {
        return new ClosingSigned(in.channelId("closing_signed.channel_id"), in.u64("closing_signed.fee_satoshis"),
                in.bytes(64, "closing_signed.signature"), TlvStream.decode(in, TLVS));
    }

    private static void encode(ClosingSigned m, WireWriter out) {
        out.channelId(m.channelId).u64(m.feeSatoshis).bytes(m.signature);
        m.tlvs.encode(out);
    }
}
