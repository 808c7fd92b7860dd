package org.lnconform.peer;

import java.util.List;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;

/**
 * The node's behaviour at each decision point of BOLT 7's gossip queries (07-routing-gossip.md,
 * Query Messages), as overrides of what the spec says: the BOLT 7 counterpart of
 * {@link Bolt1Tamper}. Every default is the conforming answer, so {@link #NONE} follows the spec;
 * the reference node's deviation switches are the only other implementation.
 */
interface GossipTamper {

    GossipTamper NONE = new GossipTamper() {};

    /** A query arrived ({@code repeated}: not the first of its kind on this connection); PROCEED answers it. */
    default Reaction onQuery(LightningMessage query, boolean repeated) {
        return Reaction.PROCEED;
    }

    /** A query_short_channel_ids that cannot be read: BOLT 7 (B7-QSCID-08..12) lets the node warn, as ours does. */
    default Reaction onUnreadableQuery(QueryShortChannelIds query, Reaction.Reply conforming) {
        return conforming;
    }

    /** The replies to a query_channel_range (B7-QCR-07..16). */
    default List<ReplyChannelRange> rangeReplies(QueryChannelRange query, List<ReplyChannelRange> conforming) {
        return conforming;
    }

    /** The end of the answer to a query_short_channel_ids (B7-QSCID-16/17). */
    default ReplyShortChannelIdsEnd idsEnd(QueryShortChannelIds query, ReplyShortChannelIdsEnd conforming) {
        return conforming;
    }

    /** Gossip sent in answer to a filter; we have none to send (B7-GOS-01). */
    default List<LightningMessage> onFilter(GossipTimestampFilter filter) {
        return List.of();
    }

    /** What the node sends once init is exchanged: its own queries and filter, or none (B7-FEAT-03, B7-QCR-01..04, B7-GTF-01). */
    default List<LightningMessage> afterInit(List<LightningMessage> conforming) {
        return conforming;
    }

    /** Our query_short_channel_ids for the ids a range reply named (B7-QSCID-01..04). */
    default List<LightningMessage> idsQueries(List<QueryShortChannelIds> conforming) {
        return List.copyOf(conforming);
    }
}
