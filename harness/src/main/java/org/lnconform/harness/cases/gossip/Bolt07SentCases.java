package org.lnconform.harness.cases.gossip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
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

/**
 * The node's own use of the gossip queries once we offer gossip_queries (07-routing-gossip.md,
 * sender requirements): its query_channel_range, held unanswered for a while (a second one then
 * breaks B7-QCR-01), answered with three made-up ids in its range; the query_short_channel_ids
 * that follows, held without its end (a second one breaks B7-QSCID-01); and its
 * gossip_timestamp_filter. A node that sends none of these leaves nothing to judge (UNSUPPORTED).
 */
public final class Bolt07SentCases {

    private Bolt07SentCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt07/query/sent/query-channel-range")
                        .title("The node's query_channel_range names its chain and at least one block")
                        .requires("B7-QCR-02", "B7-QCR-04")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, Bolt07SentCases::rangeQuery)),
                CaseBuilder.of("bolt07/query/sent/one-range-query-at-a-time")
                        .title("The node sends no second query_channel_range before the replies to its first")
                        .requires("B7-QCR-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, f -> f.rangeQueries() > 1
                                ? Evidence.violates(f.rangeQueries() + " query_channel_range before any reply (B7-QCR-01)")
                                : Evidence.conforms("one query_channel_range, then it waited for the replies"))),
                CaseBuilder.of("bolt07/query/sent/query-short-channel-ids")
                        .title("The node's query_short_channel_ids for ids we named: its chain, encoding 0, whole ids, valid query_flags")
                        .requires("B7-QSCID-02", "B7-QSCID-03", "B7-QSCID-04", "B7-QSCID-07", "B7-QRY-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, Bolt07SentCases::idsQuery)),
                CaseBuilder.of("bolt07/query/sent/one-ids-query-at-a-time")
                        .title("The node sends no second query_short_channel_ids before reply_short_channel_ids_end")
                        .requires("B7-QSCID-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, f -> {
                            if (f.idsQueries().isEmpty()) {
                                throw new Unsupported("the node asked for none of the ids we named");
                            }
                            return f.idsQueries().size() > 1
                                    ? Evidence.violates(f.idsQueries().size() + " query_short_channel_ids before any"
                                            + " reply_short_channel_ids_end (B7-QSCID-01)")
                                    : Evidence.conforms("one query_short_channel_ids, then it waited for its end");
                        })),
                CaseBuilder.of("bolt07/query/sent/timestamp-filter-chain")
                        .title("The node's gossip_timestamp_filter names its chain")
                        .requires("B7-GTF-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> judge(ctx, Bolt07SentCases::filter)));
    }

    /** What the node sent: its first range query, how many came before our reply, its id queries, its filters. */
    record Flow(Bytes nodeChain, QueryChannelRange range, int rangeQueries, List<QueryShortChannelIds> idsQueries,
            List<GossipTimestampFilter> filters) {}

    @FunctionalInterface
    interface Judge {
        Evidence of(Flow f) throws Exception;
    }

    private static Evidence judge(CaseContext ctx, Judge j) throws Exception {
        return j.of(flow(ctx));
    }

    /** Runs the exchange: wait for its query_channel_range, hold, answer with three ids, wait for its id query, hold. */
    static Flow flow(CaseContext ctx) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, true);
        ProbeSession s = r.session();
        Duration hold = ctx.bounds().silent().dividedBy(2);
        GossipProbe.Collected first = r.early().of(QueryChannelRange.class).isEmpty()
                ? GossipProbe.collect(s, ctx.bounds().reply(), c -> !c.of(QueryChannelRange.class).isEmpty())
                : new GossipProbe.Collected(List.of(), true, false, null);
        if (first.closed()) {
            throw new CaseError("the node closed the connection while we waited for its queries");
        }
        GossipProbe.Collected held = GossipProbe.collect(s, hold, c -> false);
        List<GossipTimestampFilter> filters = new ArrayList<>(r.early().of(GossipTimestampFilter.class));
        filters.addAll(first.of(GossipTimestampFilter.class));
        filters.addAll(held.of(GossipTimestampFilter.class));
        List<QueryChannelRange> ranges = new ArrayList<>(r.early().of(QueryChannelRange.class));
        ranges.addAll(first.of(QueryChannelRange.class));
        if (ranges.isEmpty()) {
            return new Flow(initChain(r), null, 0, List.of(), filters);
        }
        QueryChannelRange q = ranges.get(0);
        int rangeQueries = ranges.size() + held.of(QueryChannelRange.class).size();
        List<QueryShortChannelIds> ids = new ArrayList<>(held.of(QueryShortChannelIds.class));
        if (!held.closed()) {
            s.send(ReplyChannelRange.of(q.chainHash(), q.firstBlocknum(), Math.max(q.numberOfBlocks(), 1), true,
                    idsIn(q)));
            GossipProbe.Collected asked = GossipProbe.collect(s, ctx.bounds().reply(),
                    c -> !c.of(QueryShortChannelIds.class).isEmpty());
            GossipProbe.Collected heldIds = GossipProbe.collect(s, hold, c -> false);
            ids.addAll(asked.of(QueryShortChannelIds.class));
            ids.addAll(heldIds.of(QueryShortChannelIds.class));
            filters.addAll(asked.of(GossipTimestampFilter.class));
            filters.addAll(heldIds.of(GossipTimestampFilter.class));
        }
        return new Flow(initChain(r), q, rangeQueries, ids, filters);
    }

    /** The chain the node's init names; a chain learnt from its own filter or query cannot judge them. */
    private static Bytes initChain(GossipProbe.Ready r) {
        return r.chainFromInit() ? r.nodeChain() : null;
    }

    /** Three ids inside the queried range: transactions 1, 2, 3 of its first block (capped to 3-byte heights). */
    static List<ShortChannelId> idsIn(QueryChannelRange q) {
        int block = (int) Math.min(Math.max(q.firstBlocknum(), 1), 0xff_ffffL);
        return List.of(new ShortChannelId(block, 1, 0), new ShortChannelId(block, 2, 0), new ShortChannelId(block, 3, 0));
    }

    private static Evidence rangeQuery(Flow f) throws Unsupported {
        if (f.range() == null) {
            throw new Unsupported("the node sent no query_channel_range after init offering gossip_queries");
        }
        QueryChannelRange q = f.range();
        List<String> problems = new ArrayList<>();
        if (q.numberOfBlocks() < 1) {
            problems.add("number_of_blocks is 0 (B7-QCR-04)");
        }
        if (f.nodeChain() != null && !q.chainHash().equals(f.nodeChain())) {
            problems.add("chain_hash " + q.chainHash().hex() + " is not the chain of the node's networks (B7-QCR-02)");
        }
        try {
            q.queryOption();
        } catch (WireException e) {
            problems.add("query_option unreadable: " + e.detail());
        }
        String seen = "query_channel_range first_blocknum " + q.firstBlocknum() + ", number_of_blocks " + q.numberOfBlocks()
                + (f.nodeChain() == null ? " (its init names no chain to compare with)" : "");
        return problems.isEmpty() ? Evidence.conforms(seen) : Evidence.violates(String.join("; ", problems) + " — " + seen);
    }

    private static Evidence idsQuery(Flow f) throws Unsupported {
        if (f.idsQueries().isEmpty()) {
            throw new Unsupported(f.range() == null ? "the node sent no query_channel_range, so no ids were named to it"
                    : "the node asked for none of the ids we named in reply_channel_range");
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
            throw new Unsupported("the node sent no gossip_timestamp_filter");
        }
        if (f.nodeChain() == null) {
            throw new Unsupported("the node's init names no chain in networks to compare its filter's chain with");
        }
        List<String> wrong = f.filters().stream().filter(x -> !x.chainHash().equals(f.nodeChain()))
                .map(x -> x.chainHash().hex()).toList();
        return wrong.isEmpty() ? Evidence.conforms(f.filters().size() + " gossip_timestamp_filter, each naming the node's chain")
                : Evidence.violates("gossip_timestamp_filter for chain(s) " + wrong + ", not the node's (B7-GTF-01)");
    }
}
