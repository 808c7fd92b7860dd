package org.lnconform.peer;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;

/**
 * The sender side of BOLT 7's gossip queries: to a peer that offers gossip_queries, the node asks
 * once for every channel of its chain (query_channel_range) and for new gossip
 * (gossip_timestamp_filter), then, once the range is answered, for the ids the replies named
 * (one query_short_channel_ids). One per connection; overrides come from a {@link GossipTamper}.
 */
final class GossipSync {

    /** gossip_queries (BOLT 9 bits 6/7): "offers" means either bit. */
    private static final int GOSSIP_QUERIES_EVEN = 6;

    private final PeerConfig config;
    private final GossipTamper tamper;
    private final List<ShortChannelId> learned = new ArrayList<>();
    private boolean rangeDone;

    GossipSync(PeerConfig config, GossipTamper tamper) {
        this.config = config;
        this.tamper = tamper;
    }

    /** What the node sends once init is exchanged. */
    List<LightningMessage> afterInit(Init remote) {
        List<LightningMessage> conforming = new ArrayList<>();
        var features = remote.combinedFeatures();
        if (features.isSet(GOSSIP_QUERIES_EVEN) || features.isSet(GOSSIP_QUERIES_EVEN + 1)) {
            // B7-FEAT-03: only a peer that offers gossip_queries is queried; B7-QCR-04: every block (>= 1)
            var chain = GossipQueries.ownChain(config);
            conforming.add(new QueryChannelRange(chain, 0, 0xffff_ffffL));
            conforming.add(new GossipTimestampFilter(chain, System.currentTimeMillis() / 1000, 0xffff_ffffL));
        }
        return tamper.afterInit(conforming);
    }

    static boolean handles(LightningMessage m) {
        return m instanceof ReplyChannelRange;
    }

    /** Replies to our range query: once sync_complete arrives, one query for every id they named (B7-QSCID-01). */
    List<LightningMessage> onReply(LightningMessage m) {
        if (!(m instanceof ReplyChannelRange r) || rangeDone) {
            return List.of();
        }
        try {
            learned.addAll(r.shortChannelIds().ids());
        } catch (WireException e) {
            // BOLT 7 gives no rule for a malformed reply; its ids are skipped
        }
        rangeDone = r.syncComplete() != 0;
        if (!rangeDone || learned.isEmpty()) {
            return List.of();
        }
        return tamper.idsQueries(List.of(QueryShortChannelIds.of(r.chainHash(), learned)));
    }
}
