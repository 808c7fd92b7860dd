package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code funding_signed} (type 35), BOLT 2, The funding_signed Message: the fundee's signature
 * of the funder's first commitment transaction, under the now final {@code channel_id}.
 */
public record FundingSigned(Bytes channelId, Bytes signature, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 35;

    /** BOLT 2 defines no TLVs for this message. */
    public static final TlvNamespace TLVS = TlvNamespace.empty("funding_signed_tlvs");

    public static final MessageCodec<FundingSigned> CODEC = MessageCodec.of(MessageType.FUNDING_SIGNED,
            FundingSigned.class, TLVS, FundingSigned::decode, FundingSigned::encode);

    public FundingSigned {
        Messages.checkChannelId(channelId);
        Messages.checkSize("signature", signature, 64);
        java.util.Objects.requireNonNull(tlvs, "tlvs");
    }

    public FundingSigned(Bytes channelId, Bytes signature) {
        this(channelId, signature, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static FundingSigned decode(WireReader in) throws WireException {
        return new FundingSigned(in.channelId("funding_signed.channel_id"), in.bytes(64, "funding_signed.signature"),
                TlvStream.decode(in, TLVS));
    }

    private static void encode(FundingSigned m, WireWriter out) {
        out.channelId(m.channelId).bytes(m.signature);
        m.tlvs.encode(out);
    }
}
