package org.lnconform.harness.cases.gossip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;

/**
 * The node's own use of the gossip queries once we offer gossip_queries (07-routing-gossip.md,
 * sender requirements): its query_channel_range (held unanswered for a while: a second one then
 * breaks B7-QCR-01), answered with three made-up ids in its range; the query_short_channel_ids
 * that follows (held without its end: a second one breaks B7-QSCID-01), then ended; and its
 * gossip_timestamp_filter. A node that sends none of these leaves nothing to judge (UNSUPPORTED).
 *
 * <p>Nodes sync with one peer at a time: lnd sends its query_channel_range to a peer that
 * connects while it has no other gossip syncer, and its filter once that sync is complete; Core
 * Lightning sends its start-up filter to one peer. So these cases run alone ({@link CaseBuilder#alone()}),
 * and each goes only as far into the exchange as its requirement needs.
 */
public final class Bolt07SentCases {

    private Bolt07SentCases() {}

    /** How far into the exchange a case goes. */
    enum Until {
        /** The node's query_channel_range. */
        RANGE_QUERY,
        /** Its query_channel_range, then a hold without replies. */
        RANGE_HELD,
        /** Our reply with three ids, then its query_short_channel_ids. */
        IDS_QUERY,
        /** Its query_short_channel_ids, then a hold without reply_short_channel_ids_end. */
        IDS_HELD,
        /** Its gossip_timestamp_filter, whenever it comes; the exchange is completed for it if needed. */
        FILTER
    }

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt07/query/sent/query-channel-range")
                        .title("The node's query_channel_range names its chain and at least one block")
                        .requires("B7-QCR-02", "B7-QCR-04")
                        .must().allow(Outcome.CONFORMS).alone()
                        .body(ctx -> judge(ctx, Until.RANGE_QUERY, Bolt07SentCases::rangeQuery)),
                CaseBuilder.of("bolt07/query/sent/one-range-query-at-a-time")
                        .title("The node sends no second query_channel_range before the replies to its first")
                        .requires("B7-QCR-01")
                        .must().allow(Outcome.CONFORMS).alone()
                        .body(ctx -> judge(ctx, Until.RANGE_HELD, Bolt07SentCases::oneRangeQuery)),
                CaseBuilder.of("bolt07/query/sent/query-short-channel-ids")
                        .title("The node's query_short_channel_ids for ids we named: its chain, encoding 0, whole ids, valid query_flags")
                        .requires("B7-QSCID-02", "B7-QSCID-03", "B7-QSCID-04", "B7-QSCID-07", "B7-QRY-01")
                        .must().allow(Outcome.CONFORMS).alone()
                        .body(ctx -> judge(ctx, Until.IDS_QUERY, Bolt07SentCases::idsQuery)),
                CaseBuilder.of("bolt07/query/sent/one-ids-query-at-a-time")
                        .title("The node sends no second query_short_channel_ids before reply_short_channel_ids_end")
                        .requires("B7-QSCID-01")
                        .must().allow(Outcome.CONFORMS).alone()
                        .body(ctx -> judge(ctx, Until.IDS_HELD, Bolt07SentCases::oneIdsQuery)),
                CaseBuilder.of("bolt07/query/sent/timestamp-filter-chain")
                        .title("The node's gossip_timestamp_filter names its chain")
                        .requires("B7-GTF-01")
                        .must().allow(Outcome.CONFORMS).alone()
                        .body(ctx -> judge(ctx, Until.FILTER, Bolt07SentCases::filter)));
    }

    /**
     * What the node sent: the chain to judge it by (its networks, else the target's declared
     * chain; null if neither) and where that came from, its first range query, the range queries
     * before our reply, its id queries before their end, its filters, how long each wait lasted,
     * and why a hold was cut short (null if it was not).
     */
    record Flow(Bytes nodeChain, String chainFrom, QueryChannelRange range, int rangeQueries,
            List<QueryShortChannelIds> idsQueries, List<GossipTimestampFilter> filters, long waitedMs, String cutShort) {}

    @FunctionalInterface
    interface Judge {
        Evidence of(Flow f) throws Exception;
    }

    private static Evidence judge(CaseContext ctx, Until until, Judge j) throws Exception {
        return j.of(flow(ctx, until));
    }

    /** Runs the exchange as far as {@code until}: wait for its range query, hold, answer, wait for its id query, hold, end it. */
    static Flow flow(CaseContext ctx, Until until) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, true);
        ProbeSession s = r.session();
        Oracle oracle = ctx.oracle();
        Duration hold = ctx.bounds().silent().dividedBy(2);
        Duration wait = ctx.bounds().reply();
        List<Collected> seen = new ArrayList<>(List.of(r.early()));
        boolean wantsFilter = until == Until.FILTER;
        if (!has(seen, QueryChannelRange.class) && !(wantsFilter && has(seen, GossipTimestampFilter.class))) {
            Collected first = oracle.collect(s, wait, c -> !c.of(QueryChannelRange.class).isEmpty()
                    || wantsFilter && !c.of(GossipTimestampFilter.class).isEmpty(), "its query_channel_range");
            seen.add(first);
            if (first.closed()) {
                throw new CaseError("the node closed the connection while we waited for its queries");
            }
        }
        List<QueryChannelRange> ranges = all(seen, QueryChannelRange.class);
        if (ranges.isEmpty() || until == Until.RANGE_QUERY || wantsFilter && has(seen, GossipTimestampFilter.class)) {
            return flow(r, seen, ranges.size(), List.of(), wait, null);
        }
        QueryChannelRange q = ranges.get(0);
        if (until == Until.RANGE_HELD) {
            Collected held = oracle.record(s, hold);
            seen.add(held);
            return flow(r, seen, all(seen, QueryChannelRange.class).size(), List.of(), hold,
                    held.closed() ? "the node closed the connection while we held its query_channel_range" : null);
        }
        s.send(ReplyChannelRange.of(q.chainHash(), q.firstBlocknum(), Math.max(q.numberOfBlocks(), 1), true, idsIn(q)));
        int rangesBeforeReply = ranges.size();
        List<Collected> afterReply = new ArrayList<>();
        if (!has(seen, QueryShortChannelIds.class)) {
            Collected asked = oracle.collect(s, wait, c -> !c.of(QueryShortChannelIds.class).isEmpty()
                    || wantsFilter && !c.of(GossipTimestampFilter.class).isEmpty(), "its query_short_channel_ids");
            afterReply.add(asked);
        }
        seen.addAll(afterReply);
        List<QueryShortChannelIds> ids = all(seen, QueryShortChannelIds.class);
        if (last(seen).closed()) {
            return flow(r, seen, rangesBeforeReply, ids, wait, "the node closed the connection after our reply_channel_range");
        }
        if (ids.isEmpty() || until == Until.IDS_QUERY || wantsFilter && has(seen, GossipTimestampFilter.class)) {
            return flow(r, seen, rangesBeforeReply, ids, wait, null);
        }
        if (until == Until.IDS_HELD) {
            Collected held = oracle.record(s, hold);
            seen.add(held);
            return flow(r, seen, rangesBeforeReply, all(seen, QueryShortChannelIds.class), hold,
                    held.closed() ? "the node closed the connection while we held its query_short_channel_ids" : null);
        }
        // the filter: lnd sends it when the sync is complete (its syncer turns active), so end the id query
        s.send(new ReplyShortChannelIdsEnd(ids.get(0).chainHash(), 1));
        seen.add(oracle.collect(s, wait, c -> !c.of(GossipTimestampFilter.class).isEmpty(), "its gossip_timestamp_filter"));
        return flow(r, seen, rangesBeforeReply, ids, wait, null);
    }

    private static Flow flow(GossipProbe.Ready r, List<Collected> seen, int rangeQueries,
            List<QueryShortChannelIds> ids, Duration waited, String cutShort) {
        List<QueryChannelRange> ranges = all(seen, QueryChannelRange.class);
        return new Flow(r.knownChain(), r.knownFrom(), ranges.isEmpty() ? null : ranges.get(0), rangeQueries, ids,
                all(seen, GossipTimestampFilter.class), waited.toMillis(), cutShort);
    }

    private static <T> List<T> all(List<Collected> seen, Class<T> type) {
        return seen.stream().flatMap(c -> c.of(type).stream()).toList();
    }

    private static boolean has(List<Collected> seen, Class<?> type) {
        return !all(seen, type).isEmpty();
    }

    private static Collected last(List<Collected> seen) {
        return seen.get(seen.size() - 1);
    }

    /** Three ids inside the queried range: transactions 1, 2, 3 of its first block (capped to 3-byte heights). */
    static List<ShortChannelId> idsIn(QueryChannelRange q) {
        int block = (int) Math.min(Math.max(q.firstBlocknum(), 1), 0xff_ffffL);
        return List.of(new ShortChannelId(block, 1, 0), new ShortChannelId(block, 2, 0), new ShortChannelId(block, 3, 0));
    }

    private static Unsupported noRangeQuery(Flow f) {
        return new Unsupported("the node sent no query_channel_range within " + f.waitedMs()
                + " ms after init offering gossip_queries, with no other peer of ours connected");
    }

    private static Evidence rangeQuery(Flow f) throws Unsupported {
        if (f.range() == null) {
            throw noRangeQuery(f);
        }
        QueryChannelRange q = f.range();
        List<String> problems = new ArrayList<>();
        if (q.numberOfBlocks() < 1) {
            problems.add("number_of_blocks is 0 (B7-QCR-04)");
        }
        if (f.nodeChain() != null && !q.chainHash().equals(f.nodeChain())) {
            problems.add("chain_hash " + q.chainHash().hex() + " is not " + f.chainFrom() + " (B7-QCR-02)");
        }
        try {
            q.queryOption();
        } catch (WireException e) {
            problems.add("query_option unreadable: " + e.detail());
        }
        String seen = "query_channel_range first_blocknum " + q.firstBlocknum() + ", number_of_blocks " + q.numberOfBlocks()
                + (f.nodeChain() == null ? " (no chain known to compare its chain_hash with)"
                        : ", chain_hash " + f.chainFrom());
        return problems.isEmpty() ? Evidence.conforms(seen) : Evidence.violates(String.join("; ", problems) + " — " + seen);
    }

    private static Evidence oneRangeQuery(Flow f) throws Unsupported {
        if (f.range() == null) {
            throw noRangeQuery(f);
        }
        if (f.rangeQueries() > 1) {
            return Evidence.violates(f.rangeQueries() + " query_channel_range before any reply (B7-QCR-01)");
        }
        if (f.cutShort() != null) {
            throw new Unsupported(f.cutShort() + ", so whether it would have sent a second cannot be seen");
        }
        return Evidence.conforms("one query_channel_range, then no other in the " + f.waitedMs()
                + " ms we held back the replies");
    }

    /** UNSUPPORTED when the node asked for none of the ids: why (no range query to answer, a close, or no interest). */
    private static Unsupported noIdsQuery(Flow f) {
        return new Unsupported(f.range() == null ? noRangeQuery(f).getMessage() + ", so no ids were named to it"
                : f.cutShort() != null ? f.cutShort() + ", asking for none of the ids we named"
                : "the node asked for none of the ids we named in reply_channel_range within " + f.waitedMs() + " ms");
    }

    private static Evidence oneIdsQuery(Flow f) throws Unsupported {
        if (f.idsQueries().isEmpty()) {
            throw noIdsQuery(f);
        }
        if (f.idsQueries().size() > 1) {
            return Evidence.violates(f.idsQueries().size() + " query_short_channel_ids before any"
                    + " reply_short_channel_ids_end (B7-QSCID-01)");
        }
        if (f.cutShort() != null) {
            throw new Unsupported(f.cutShort() + ", so whether it would have sent a second cannot be seen");
        }
        return Evidence.conforms("one query_short_channel_ids, then no other in the " + f.waitedMs()
                + " ms we held back reply_short_channel_ids_end");
    }

    private static Evidence idsQuery(Flow f) throws Unsupported {
        if (f.idsQueries().isEmpty()) {
            throw noIdsQuery(f);
        }
        QueryShortChannelIds q = f.idsQueries().get(0);
        List<String> problems = new ArrayList<>();
        if (!q.chainHash().equals(f.range().chainHash())) {
            problems.add("chain_hash " + q.chainHash().hex() + " is not the chain the ids were named on (B7-QSCID-02)");
        }
        EncodedShortIds ids = null;
        if (q.encodedShortIds().isEmpty()) {
            problems.add("encoded_short_ids is empty: no encoding byte (B7-QSCID-03)");
        } else {
            try {
                ids = q.shortChannelIds();
                if (ids.encoding().deprecated()) {
                    problems.add("encoded_short_ids uses the retired zlib encoding (B7-QRY-01)");
                }
            } catch (WireException e) {
                problems.add("encoded_short_ids: " + e.detail() + " (" + (e.field().endsWith("encoding_type")
                        ? "B7-QSCID-03" : "B7-QSCID-04") + ")");
            }
        }
        try {
            var flags = q.queryFlags();
            if (flags.isPresent()) {
                QueryFlags qf = flags.get();
                if (qf.encoding().deprecated()) {
                    problems.add("encoded_query_flags uses the retired zlib encoding (B7-QRY-01)");
                }
                if (ids != null && qf.flags().size() != ids.ids().size()) {
                    problems.add(qf.flags().size() + " query flags for " + ids.ids().size() + " ids (B7-QSCID-07)");
                }
            }
        } catch (WireException e) {
            problems.add("query_flags: " + e.detail() + " (B7-QSCID-07)");
        }
        String seen = "query_short_channel_ids with " + (ids == null ? "unreadable ids" : ids.ids().size() + " ids " + ids.ids());
        return problems.isEmpty() ? Evidence.conforms(seen) : Evidence.violates(String.join("; ", problems) + " — " + seen);
    }

    private static Evidence filter(Flow f) throws Unsupported {
        if (f.filters().isEmpty()) {
            throw new Unsupported("the node sent no gossip_timestamp_filter"
                    + (f.idsQueries().isEmpty() ? " within " + f.waitedMs() + " ms after init offering gossip_queries"
                            : " within " + f.waitedMs() + " ms after we ended its query_short_channel_ids"));
        }
        if (f.nodeChain() == null) {
            throw new Unsupported("neither the node's init (networks) nor the target names the node's chain, to compare"
                    + " its filter's chain with");
        }
        List<String> wrong = f.filters().stream().filter(x -> !x.chainHash().equals(f.nodeChain()))
                .map(x -> x.chainHash().hex()).toList();
        return wrong.isEmpty() ? Evidence.conforms(f.filters().size() + " gossip_timestamp_filter, each naming "
                + f.chainFrom())
                : Evidence.violates("gossip_timestamp_filter for chain(s) " + wrong + ", not " + f.chainFrom()
                        + " (B7-GTF-01)");
    }
}
