package org.lnconform.peer;

import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.message.Warning;

/**
 * The receiver side of BOLT 7's gossip queries (07-routing-gossip.md, Query Messages) for a node
 * that knows no channel: every range is answered, complete and empty; every id is unknown, so the
 * answer is only its closing reply_short_channel_ids_end; a filter admits nothing because there is
 * nothing. One per connection; overrides come from a {@link GossipTamper}.
 */
final class GossipQueries {

    private final PeerConfig config;
    private final GossipTamper tamper;
    private boolean rangeQueried;
    private boolean idsQueried;

    GossipQueries(PeerConfig config, GossipTamper tamper) {
        this.config = config;
        this.tamper = tamper;
    }

    static boolean handles(LightningMessage m) {
        return m instanceof QueryChannelRange || m instanceof QueryShortChannelIds || m instanceof GossipTimestampFilter;
    }

    /** Whether the node answers the query at all: PROCEED, or an override (ignore, zombie, close). */
    Reaction admit(LightningMessage m) {
        boolean repeated = m instanceof QueryChannelRange ? rangeQueried : m instanceof QueryShortChannelIds && idsQueried;
        rangeQueried |= m instanceof QueryChannelRange;
        idsQueried |= m instanceof QueryShortChannelIds;
        return m instanceof GossipTimestampFilter ? Reaction.PROCEED : tamper.onQuery(m, repeated);
    }

    /** The answer to an admitted query: messages to send, or a reaction (a zombie, say) instead. */
    Object answer(LightningMessage m) {
        if (m instanceof QueryChannelRange q) {
            return List.copyOf(tamper.rangeReplies(q, List.of(reply(q))));
        }
        if (m instanceof QueryShortChannelIds q) {
            String problem = problem(q);
            if (problem != null) {
                Reaction r = tamper.onUnreadableQuery(q, new Reaction.Reply(Warning.allChannels(problem)));
                return r instanceof Reaction.Reply reply ? List.of(reply.message()) : r;
            }
            boolean full = follows(q.chainHash());
            return List.of(tamper.idsEnd(q, new ReplyShortChannelIdsEnd(q.chainHash(), full ? 1 : 0)));
        }
        return List.copyOf(tamper.onFilter((GossipTimestampFilter) m));
    }

    /**
     * B7-QCR-07..16: one reply, naming the queried chain, covering the queried blocks, sync_complete
     * set, no ids. At least one block, so it ends after the queried first block (B7-QCR-12) even when
     * 0 blocks were asked for.
     */
    private static ReplyChannelRange reply(QueryChannelRange q) {
        return ReplyChannelRange.of(q.chainHash(), q.firstBlocknum(), Math.max(q.numberOfBlocks(), 1), true, List.of());
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

    /** B7-QSCID-17: full_information only for a chain we follow. */
    private boolean follows(Bytes chain) {
        return config.networks().isEmpty() ? chain.equals(PeerConfig.BITCOIN_REGTEST) : config.networks().contains(chain);
    }

    static Bytes ownChain(PeerConfig config) {
        return config.networks().isEmpty() ? PeerConfig.BITCOIN_REGTEST : config.networks().get(0);
    }
}
