package org.lnconform.peer;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The sender side of BOLT 7's gossip queries: to a peer that offers gossip_queries, the node asks
 * for every channel of its chain once (query_channel_range), for new gossip (gossip_timestamp_filter),
 * and then for the ids the replies name (query_short_channel_ids), one query at a time. One per
 * connection; deviations each break one sender rule.
 */
final class GossipSync {

    /** gossip_queries (BOLT 9 bits 6/7): "offers" means either bit. */
    private static final int GOSSIP_QUERIES_EVEN = 6;

    private final PeerConfig config;
    private final List<ShortChannelId> learned = new ArrayList<>();
    private boolean rangeDone;
    private boolean idsQueried;

    GossipSync(PeerConfig config) {
        this.config = config;
    }

    private boolean on(Deviation d) {
        return config.deviates(d);
    }

    private Bytes chain() {
        return config.networks().isEmpty() ? PeerConfig.BITCOIN_REGTEST : config.networks().get(0);
    }

    /** What the node sends once init is exchanged. */
    List<Object> afterInit(Init remote) {
        List<Object> out = new ArrayList<>();
        if (on(Deviation.RELAY_BEFORE_FILTER)) {
            out.add(RelayedGossip.nodeAnnouncement());
        }
        var features = remote.combinedFeatures();
        if (!features.isSet(GOSSIP_QUERIES_EVEN) && !features.isSet(GOSSIP_QUERIES_EVEN + 1)) {
            return out; // B7-FEAT-03: no queries to a peer not worth querying
        }
        // B7-QCR-04: at least one block; here every block
        QueryChannelRange range = new QueryChannelRange(chain(), 0,
                on(Deviation.QUERY_ZERO_BLOCKS) ? 0 : 0xffff_ffffL);
        out.add(range);
        if (on(Deviation.REPEAT_QUERY_CHANNEL_RANGE)) {
            out.add(range); // B7-QCR-01 broken: a second query before the replies
        }
        Bytes filterChain = on(Deviation.FILTER_WRONG_CHAIN) ? otherChain() : chain();
        out.add(new GossipTimestampFilter(filterChain, System.currentTimeMillis() / 1000, 0xffff_ffffL));
        return out;
    }

    static boolean handles(LightningMessage m) {
        return m instanceof ReplyChannelRange || m instanceof ReplyShortChannelIdsEnd;
    }

    /** Replies to our queries: once the range is complete, the ids it named are asked for. */
    List<Object> onReply(LightningMessage m) {
        List<Object> out = new ArrayList<>();
        if (m instanceof ReplyChannelRange r && !rangeDone) {
            try {
                learned.addAll(r.shortChannelIds().ids());
            } catch (WireException e) {
                // BOLT 7 gives no rule for a malformed reply; its ids are skipped
            }
            rangeDone = r.syncComplete() != 0;
            if (rangeDone && !learned.isEmpty() && !idsQueried) {
                idsQueried = true;
                out.addAll(queries(learned));
            }
        }
        return out;
    }

    /** One query_short_channel_ids for every id (B7-QSCID-01: no second one before its end). */
    private List<Object> queries(List<ShortChannelId> ids) {
        EncodingType encoding = on(Deviation.QUERY_IDS_ZLIB) ? EncodingType.ZLIB : EncodingType.UNCOMPRESSED;
        if (on(Deviation.REPEAT_QUERY_SHORT_CHANNEL_IDS) && ids.size() > 1) {
            int half = ids.size() / 2;
            return List.of(query(ids.subList(0, half), encoding), query(ids.subList(half, ids.size()), encoding));
        }
        return List.of(query(ids, encoding));
    }

    private QueryShortChannelIds query(List<ShortChannelId> ids, EncodingType encoding) {
        return new QueryShortChannelIds(chain(), new EncodedShortIds(encoding, ids).encode(), TlvStream.empty());
    }

    private Bytes otherChain() {
        return chain().equals(PeerConfig.BITCOIN_MAINNET) ? PeerConfig.BITCOIN_REGTEST : PeerConfig.BITCOIN_MAINNET;
    }
}
