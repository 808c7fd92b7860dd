package org.lnconform.wire.message;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.gossip.ChannelUpdateChecksums;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code reply_channel_range} (type 264), BOLT 7: one part of the answer to a
 * query_channel_range, covering {@code [firstBlocknum, firstBlocknum + numberOfBlocks)};
 * {@code syncComplete} is a byte (1 on the final part). {@code encodedShortIds} keeps its exact bytes.
 */
public record ReplyChannelRange(Bytes chainHash, long firstBlocknum, long numberOfBlocks, int syncComplete,
        Bytes encodedShortIds, TlvStream tlvs) implements LightningMessage, Extensible {

    public static final int TYPE = 264;

    public static final MessageCodec<ReplyChannelRange> CODEC = MessageCodec.of(
            MessageType.REPLY_CHANNEL_RANGE, ReplyChannelRange.class, QueryTlvs.REPLY_CHANNEL_RANGE,
            ReplyChannelRange::decode, ReplyChannelRange::encode);

    public ReplyChannelRange {
        QueryFieldChecks.checkChainHash(chainHash);
        QueryFieldChecks.checkU32("first_blocknum", firstBlocknum);
        QueryFieldChecks.checkU32("number_of_blocks", numberOfBlocks);
        QueryFieldChecks.checkU8("sync_complete", syncComplete);
        Objects.requireNonNull(encodedShortIds, "encodedShortIds");
        Objects.requireNonNull(tlvs, "tlvs");
        Messages.checkU16Length("encoded_short_ids", encodedShortIds);
    }

    /** Uncompressed ids, no TLVs. */
    public static ReplyChannelRange of(Bytes chainHash, long firstBlocknum, long numberOfBlocks, boolean syncComplete,
            List<ShortChannelId> ids) {
        return new ReplyChannelRange(chainHash, firstBlocknum, numberOfBlocks, syncComplete ? 1 : 0,
                EncodedShortIds.uncompressed(ids).encode(), TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** {@code first_blocknum + number_of_blocks}, without wrapping at 2^32. */
    public long endBlock() {
        return firstBlocknum + numberOfBlocks;
    }

    public EncodedShortIds shortChannelIds() throws WireException {
        return EncodedShortIds.decode(encodedShortIds, "reply_channel_range.encoded_short_ids");
    }

    public Optional<ChannelUpdateTimestamps.Encoded> timestamps() throws WireException {
        Optional<Bytes> raw = tlvs.value(QueryTlvs.TIMESTAMPS.type());
        return raw.isEmpty() ? Optional.empty()
                : Optional.of(ChannelUpdateTimestamps.Encoded.decode(raw.get(), "reply_channel_range_tlvs.timestamps_tlv"));
    }

    public Optional<List<ChannelUpdateChecksums>> checksums() throws WireException {
        return tlvs.get(QueryTlvs.CHECKSUMS);
    }

    private static ReplyChannelRange decode(WireReader in) throws WireException {
        Bytes chain = in.chainHash("reply_channel_range.chain_hash");
        long first = in.u32("reply_channel_range.first_blocknum");
        long number = in.u32("reply_channel_range.number_of_blocks");
        int complete = in.u8("reply_channel_range.sync_complete");
        int len = in.u16("reply_channel_range.len");
        Bytes ids = in.bytes(len, "reply_channel_range.encoded_short_ids");
        return new ReplyChannelRange(chain, first, number, complete, ids,
                TlvStream.decode(in, QueryTlvs.REPLY_CHANNEL_RANGE));
    }

    private static void encode(ReplyChannelRange m, WireWriter out) {
        out.chainHash(m.chainHash).u32(m.firstBlocknum).u32(m.numberOfBlocks).u8(m.syncComplete)
                .u16(m.encodedShortIds.size()).bytes(m.encodedShortIds);
        m.tlvs.encode(out);
    }
}
