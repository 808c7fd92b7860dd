package org.lnconform.peer;

import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.EncodedArray;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The receiver side of BOLT 7's gossip queries (07-routing-gossip.md, Query Messages) for a node
 * that knows no channel: every range is answered, complete and empty; every id is unknown, and the
 * answer ends with reply_short_channel_ids_end; a filter admits nothing because there is nothing.
 * One per connection. Deviations each break one rule, for the suite's self-test.
 */
final class GossipQueries {

    private final PeerConfig config;
    private boolean answeredRange;
    private boolean answeredIds;

    GossipQueries(PeerConfig config) {
        this.config = config;
    }

    static boolean handles(LightningMessage m) {
        return m instanceof QueryChannelRange || m instanceof QueryShortChannelIds || m instanceof GossipTimestampFilter;
    }

    private boolean on(Deviation d) {
        return config.deviates(d);
    }

    GossipAnswer answer(LightningMessage m) {
        if (m instanceof QueryChannelRange q) {
            return range(q);
        }
        if (m instanceof QueryShortChannelIds q) {
            return ids(q);
        }
        if (m instanceof GossipTimestampFilter && on(Deviation.RELAY_DESPITE_FILTER)) {
            return GossipAnswer.send(List.of(RelayedGossip.nodeAnnouncement()));
        }
        return GossipAnswer.nothing();
    }

    /** B7-QCR-07..16: one reply covering the whole range, sync_complete set, no ids (we know none). */
    private GossipAnswer range(QueryChannelRange q) {
        if (answeredRange && on(Deviation.ANSWER_FIRST_QUERY_ONLY)) {
            return GossipAnswer.nothing();
        }
        answeredRange = true;
        if (q.numberOfBlocks() == 0 && on(Deviation.ZOMBIE_ON_EMPTY_RANGE_QUERY)) {
            return GossipAnswer.zombie();
        }
        Bytes chain = on(Deviation.RANGE_REPLY_OWN_CHAIN) ? ownChain() : q.chainHash();
        long first = on(Deviation.RANGE_REPLY_START_AFTER) ? Math.min(q.firstBlocknum() + 1, 0xffff_ffffL) : q.firstBlocknum();
        // at least one block, so the reply ends after the queried first block (B7-QCR-12) even for 0 blocks
        long number = Math.max(q.numberOfBlocks(), 1);
        if (on(Deviation.RANGE_REPLY_WRAPS)) {
            number = Math.min(number, 0xffff_ffffL - first); // the end computed in 32 bits
        }
        EncodingType encoding = on(Deviation.RANGE_REPLY_ZLIB) ? EncodingType.ZLIB : EncodingType.UNCOMPRESSED;
        Bytes noIds = EncodedArray.encode(encoding, Bytes.empty());
        int complete = on(Deviation.RANGE_REPLY_NO_SYNC_COMPLETE) ? 0 : 1;
        if (on(Deviation.RANGE_REPLY_OUT_OF_ORDER) && number > 1) {
            long half = number / 2;
            return GossipAnswer.send(List.of(
                    new ReplyChannelRange(chain, first + half, number - half, 0, noIds, TlvStream.empty()),
                    new ReplyChannelRange(chain, first, half, complete, noIds, TlvStream.empty())));
        }
        return GossipAnswer.send(List.of(new ReplyChannelRange(chain, first, number, complete, noIds, TlvStream.empty())));
    }

    /** B7-QSCID-08..17: malformed queries get a warning; every id is unknown, so only the end is sent. */
    private GossipAnswer ids(QueryShortChannelIds q) {
        if (answeredIds && on(Deviation.ANSWER_FIRST_QUERY_ONLY)) {
            return GossipAnswer.nothing();
        }
        answeredIds = true;
        String problem = problem(q);
        if (problem != null) {
            return on(Deviation.ZOMBIE_ON_MALFORMED_QUERY) ? GossipAnswer.zombie()
                    : GossipAnswer.send(List.of(Warning.allChannels(problem)));
        }
        if (q.queryFlagsValue().isPresent() && on(Deviation.CLOSE_ON_QUERY_FLAGS)) {
            return GossipAnswer.close("query_short_channel_ids with query_flags (deviation)");
        }
        if (on(Deviation.IGNORE_SHORT_CHANNEL_IDS_QUERY)) {
            return GossipAnswer.nothing();
        }
        boolean full = follows(q.chainHash()) || on(Deviation.FULL_INFORMATION_ON_FOREIGN_CHAIN);
        return GossipAnswer.send(List.of(new ReplyShortChannelIdsEnd(q.chainHash(), full ? 1 : 0)));
    }

    /** Why the query cannot be read (BOLT 7 lets the receiver warn or close), or null. */
    private static String problem(QueryShortChannelIds q) {
        try {
            var ids = q.shortChannelIds();
            if (ids.encoding().deprecated()) {
                return "encoded_short_ids uses encoding 1 (zlib), which is no longer used";
            }
            var flags = q.queryFlags();
            if (flags.isPresent() && flags.get().encoding().deprecated()) {
                return "encoded_query_flags uses encoding 1 (zlib), which is no longer used";
            }
            if (flags.isPresent() && flags.get().flags().size() != ids.ids().size()) {
                return flags.get().flags().size() + " query flags for " + ids.ids().size() + " short_channel_ids";
            }
            return null;
        } catch (WireException e) {
            return e.field() + ": " + e.detail();
        }
    }

    private boolean follows(Bytes chain) {
        return config.networks().isEmpty() ? chain.equals(PeerConfig.BITCOIN_REGTEST) : config.networks().contains(chain);
    }

    private Bytes ownChain() {
        return config.networks().isEmpty() ? PeerConfig.BITCOIN_REGTEST : config.networks().get(0);
    }
}
