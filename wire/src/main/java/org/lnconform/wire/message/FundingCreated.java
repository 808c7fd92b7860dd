package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code funding_created} (type 34), BOLT 2, The funding_created Message: the funding outpoint
 * and the funder's signature of the fundee's first commitment transaction. {@code fundingTxid}
 * is in the byte order of the transaction's hash (as the txid is serialized in an outpoint),
 * {@code signature} is 64-byte compact.
 */
public record FundingCreated(Bytes temporaryChannelId, Bytes fundingTxid, int fundingOutputIndex, Bytes signature,
        TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 34;

    /** BOLT 2 defines no TLVs for this message. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("funding_created_tlvs");

    public static final MessageCodec<FundingCreated> CODEC = MessageCodec.of(MessageType.FUNDING_CREATED,
            FundingCreated.class, TLVS, FundingCreated::decode, FundingCreated::encode);

    public FundingCreated {
        Messages.checkSize("temporary_channel_id", temporaryChannelId, 32);
        Messages.checkSize("funding_txid", fundingTxid, 32);
        Messages.checkU16("funding_output_index", fundingOutputIndex);
        Messages.checkSize("signature", signature, 64);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    public FundingCreated(Bytes temporaryChannelId, Bytes fundingTxid, int fundingOutputIndex, Bytes signature) {
        this(temporaryChannelId, fundingTxid, fundingOutputIndex, signature, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static FundingCreated decode(WireReader in) throws WireException {
        return new FundingCreated(in.bytes(32, "funding_created.temporary_channel_id"),
                in.bytes(32, "funding_created.funding_txid"), in.u16("funding_created.funding_output_index"),
                in.bytes(64, "funding_created.signature"), TlvStream.decode(in, TLVS));
    }

    private static void encode(FundingCreated m, WireWriter out) {
        out.bytes(m.temporaryChannelId).bytes(m.fundingTxid).u16(m.fundingOutputIndex).bytes(m.signature);
        m.tlvs.encode(out);
    }
}
