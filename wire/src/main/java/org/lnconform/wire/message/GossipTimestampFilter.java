package org.lnconform.wire.message;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * {@code gossip_timestamp_filter} (type 265), BOLT 7: asks for gossip with timestamps in
 * {@code [firstTimestamp, firstTimestamp + timestampRange)}; it replaces any earlier filter.
 */
public record GossipTimestampFilter(Bytes chainHash, long firstTimestamp, long timestampRange, TlvStream tlvs)
        implements LightningMessage, Extensible {

    public static final int TYPE = 265;

    public static final TlvNamespace TLVS = TlvNamespace.empty("gossip_timestamp_filter_tlvs");

    public static final MessageCodec<GossipTimestampFilter> CODEC = MessageCodec.of(
            MessageType.GOSSIP_TIMESTAMP_FILTER, GossipTimestampFilter.class, TLVS,
            GossipTimestampFilter::decode, GossipTimestampFilter::encode);

    public GossipTimestampFilter {
        QueryFieldChecks.checkChainHash(chainHash);
        QueryFieldChecks.checkU32("first_timestamp", firstTimestamp);
        QueryFieldChecks.checkU32("timestamp_range", timestampRange);
        Objects.requireNonNull(tlvs, "tlvs");
    }

    public GossipTimestampFilter(Bytes chainHash, long firstTimestamp, long timestampRange) {
        this(chainHash, firstTimestamp, timestampRange, TlvStream.empty());
    }

    @Override
    public int type() {
        return TYPE;
    }

    /** True if a gossip message with this timestamp passes the filter (end computed without wrapping). */
    public boolean admits(long timestamp) {
        return timestamp >= firstTimestamp && timestamp < firstTimestamp + timestampRange;
    }

    private static GossipTimestampFilter decode(WireReader in) throws WireException {
        Bytes chain = in.chainHash("gossip_timestamp_filter.chain_hash");
        long first = in.u32("gossip_timestamp_filter.first_timestamp");
        long range = in.u32("gossip_timestamp_filter.timestamp_range");
        return new GossipTimestampFilter(chain, first, range, TlvStream.decode(in, TLVS));
    }

    private static void encode(GossipTimestampFilter m, WireWriter out) {
        out.chainHash(m.chainHash).u32(m.firstTimestamp).u32(m.timestampRange);
        m.tlvs.encode(out);
    }
}
