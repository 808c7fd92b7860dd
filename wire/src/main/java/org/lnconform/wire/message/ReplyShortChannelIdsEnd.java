package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code reply_short_channel_ids_end} (type 262), BOLT 7: ends the answer to a
 * query_short_channel_ids; {@code full_information} 0 says the sender lacks up-to-date
 * information on the chain.
 */
public record ReplyShortChannelIdsEnd(Bytes chainHash, int fullInformation, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 262;

    public static final TlvNamespace TLVS = TlvNamespace.empty("reply_short_channel_ids_end_tlvs");

    public static final MessageCodec<ReplyShortChannelIdsEnd> CODEC = MessageCodec.of(
            MessageType.REPLY_SHORT_CHANNEL_IDS_END, ReplyShortChannelIdsEnd.class, TLVS,
            ReplyShortChannelIdsEnd::decode, ReplyShortChannelIdsEnd::encode);

    public ReplyShortChannelIdsEnd {
        QueryFieldChecks.checkChainHash(chainHash);
        Objects.requireNonNull(tlvs, "tlvs");
        QueryFieldChecks.checkU8("full_information", fullInformation);
    }

    public ReplyShortChannelIdsEnd(Bytes chainHash, int fullInformation) {
        this(chainHash, fullInformation, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    private static ReplyShortChannelIdsEnd decode(WireReader in) throws WireException {
        Bytes chain = in.chainHash("reply_short_channel_ids_end.chain_hash");
        int full = in.u8("reply_short_channel_ids_end.full_information");
        return new ReplyShortChannelIdsEnd(chain, full, TlvStream.decode(in, TLVS));
    }

    private static void encode(ReplyShortChannelIdsEnd m, WireWriter out) {
        out.chainHash(m.chainHash).u8(m.fullInformation);
        m.tlvs.encode(out);
    }
}
