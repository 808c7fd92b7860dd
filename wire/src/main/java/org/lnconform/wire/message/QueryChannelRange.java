package org.lnconform.wire.message;

import java.util.Objects;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code query_channel_range} (type 263), BOLT 7: asks for the channels in the blocks
 * {@code [firstBlocknum, firstBlocknum + numberOfBlocks)}; {@code query_option} may ask for
 * timestamps and checksums too. Block numbers are u32s held in longs.
 */
public record QueryChannelRange(Bytes chainHash, long firstBlocknum, long numberOfBlocks, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 263;

    public static final MessageCodec<QueryChannelRange> CODEC = MessageCodec.of(
            MessageType.QUERY_CHANNEL_RANGE, QueryChannelRange.class, QueryTlvs.QUERY_CHANNEL_RANGE,
            QueryChannelRange::decode, QueryChannelRange::encode);

    public QueryChannelRange {
        QueryFieldChecks.checkChainHash(chainHash);
        QueryFieldChecks.checkU32("first_blocknum", firstBlocknum);
        QueryFieldChecks.checkU32("number_of_blocks", numberOfBlocks);
        Objects.requireNonNull(tlvs, "tlvs");
    }

    public QueryChannelRange(Bytes chainHash, long firstBlocknum, long numberOfBlocks) {
        this(chainHash, firstBlocknum, numberOfBlocks, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** {@code first_blocknum + number_of_blocks}, without wrapping at 2^32. */
    public long endBlock() {
        return firstBlocknum + numberOfBlocks;
    }

    /** TLV 1 {@code query_option_flags}. */
    public Optional<Long> queryOption() throws WireException {
        return tlvs.get(QueryTlvs.QUERY_OPTION);
    }

    public QueryChannelRange withQueryOption(long flags) {
        return new QueryChannelRange(chainHash, firstBlocknum, numberOfBlocks, tlvs.with(QueryTlvs.QUERY_OPTION, flags));
    }

    private static QueryChannelRange decode(WireReader in) throws WireException {
        Bytes chain = in.chainHash("query_channel_range.chain_hash");
        long first = in.u32("query_channel_range.first_blocknum");
        long number = in.u32("query_channel_range.number_of_blocks");
        return new QueryChannelRange(chain, first, number, TlvStream.decode(in, QueryTlvs.QUERY_CHANNEL_RANGE));
    }

    private static void encode(QueryChannelRange m, WireWriter out) {
        out.chainHash(m.chainHash).u32(m.firstBlocknum).u32(m.numberOfBlocks);
        m.tlvs.encode(out);
    }
}
