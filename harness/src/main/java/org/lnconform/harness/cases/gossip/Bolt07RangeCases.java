package org.lnconform.harness.cases.gossip;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.oracle.GarbledFrame;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.ReplyChannelRange;

/**
 * query_channel_range as its receiver must answer it (07-routing-gossip.md, The query_channel_range
 * and reply_channel_range Messages): one or more reply_channel_range that name the queried chain,
 * start at or before and end at or after the queried blocks, go forward, and set sync_complete on
 * the final one only. A node with no channels answers with empty replies, which is still complete.
 */
public final class Bolt07RangeCases {

    private Bolt07RangeCases() {}

    /** How a case builds its query from the node's chain (null when the case queries another chain). */
    private record Query(String summary, Function<Bytes, QueryChannelRange> make, boolean ownChain, boolean offerEx) {

        /** A query of 0 blocks breaks a sender rule (B7-QCR-04) itself: only whether it is answered is judged. */
        boolean judgesReplies() {
            return make.apply(GossipProbe.FOREIGN_CHAIN).numberOfBlocks() > 0;
        }
    }

    public static List<ConformanceCase> all() {
        return List.of(
                range("our-chain", "query_channel_range for the node's chain is answered completely, in order, the last reply with sync_complete",
                        new Query("blocks 100..1099 of the node's chain", c -> new QueryChannelRange(c, 100, 1000), true, false), "B7-QCR-07", "B7-QCR-08", "B7-QCR-11", "B7-QCR-12",
                        "B7-QCR-14", "B7-QCR-15", "B7-QCR-16", "B7-QRY-01", "B7-QRY-02"),
                range("first-block-zero", "query_channel_range from block 0: the first reply starts at block 0",
                        new Query("blocks 0..999", c -> new QueryChannelRange(c, 0, 1000), true, false), "B7-QCR-07", "B7-QCR-11", "B7-QCR-12", "B7-QCR-15", "B7-QCR-16"),
                range("whole-chain", "query_channel_range for every block (0, 2^32 - 1 blocks): replies go forward and only the last sets sync_complete",
                        new Query("every block", c -> new QueryChannelRange(c, 0, 0xffff_ffffL), true, false), "B7-QCR-07", "B7-QCR-11", "B7-QCR-13", "B7-QCR-14",
                        "B7-QCR-15", "B7-QCR-16"),
                range("past-2-32", "query_channel_range running past block 2^32: the final reply reaches the queried end, without wrapping",
                        new Query("first_blocknum 0xFFFFFF00, 4096 blocks",
                                c -> new QueryChannelRange(c, 0xffff_ff00L, 0x1000), true, false), "B7-QCR-07", "B7-QCR-12", "B7-QCR-15", "B7-QCR-16"),
                range("foreign-chain", "query_channel_range for a chain the node does not follow is still answered, naming that chain and covering the range",
                        new Query("a chain no node follows", c -> new QueryChannelRange(GossipProbe.FOREIGN_CHAIN, 100, 1000),
                                false, false), "B7-QCR-07", "B7-QCR-08", "B7-QCR-11", "B7-QCR-12", "B7-QCR-15"),
                // apart from foreign-chain, so the one rule implementations read the old way is its own verdict
                range("foreign-chain-sync-complete", "query_channel_range for a chain the node does not follow: the final reply sets sync_complete (it marks the last reply, not complete information)",
                        new Query("a chain no node follows", c -> new QueryChannelRange(GossipProbe.FOREIGN_CHAIN, 100, 1000),
                                false, false), "B7-QCR-14", "B7-QCR-16"),
                range("query-option", "query_channel_range asking for timestamps and checksums (gossip_queries_ex offered): any timestamps and checksums match the ids, no zlib",
                        new Query("blocks 100..1099 with query_option 3", c -> new QueryChannelRange(c, 100, 1000)
                                .withQueryOption(3), true, true), "B7-QCR-07", "B7-QCR-16", "B7-QCR-17", "B7-QCR-18", "B7-QRY-01"),
                CaseBuilder.of("bolt07/query/range/zero-blocks")
                        .title("query_channel_range of 0 blocks (which a sender must not send) is answered, warned about or closed on; never a zombie")
                        .requires("B7-QCR-07")
                        .must().allow(Outcome.CONFORMS, Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.WARNED_STAYED_UP)
                        .inconclusive(Outcome.STAYED_UP)
                        .because("the query breaks B7-QCR-04, so the node may refuse it (error, warning, close) or answer it;"
                                + " an answer's blocks are not judged; staying up without either is INFO; a zombie fails")
                        .expected("reply_channel_range (their blocks are reported, not judged: the query itself breaks"
                                + " B7-QCR-04), or an error or warning, or a close")
                        .body(ctx -> answered(ctx, new Query("blocks from 1000, number_of_blocks 0",
                                c -> new QueryChannelRange(c, 1000, 0), true, false), List.of())),
                CaseBuilder.of("bolt07/query/range/pipelined")
                        .title("Two query_channel_range back to back: both answered completely, or a warning, or a close")
                        .requires("B7-QCR-06", "B7-QCR-07")
                        .must().allow(Outcome.CONFORMS, Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED, Outcome.WARNED_STAYED_UP)
                        .because("B7-QCR-06 lets the node warn or close on a query sent before the last was answered;"
                                + " otherwise both are answered to a final reply (B7-QCR-07)")
                        .body(Bolt07RangeCases::pipelined),
                CaseBuilder.of("bolt07/query/range/query-option-not-minimal")
                        .title("query_channel_range whose query_option_flags bigsize is not minimal (fd0001): the TLV stream must fail to parse")
                        .requires("B1-TLV-14", "B1-MSG-15", "B1-MSG-14")
                        .must().mustClose().allow(Outcome.STAYED_UP)
                        .because("a node without gossip_queries_ex skips query_option as an unknown odd TLV, and any node"
                                + " may ignore the extension (B1-MSG-14); one that reads it must fail the stream and close"
                                + " (B1-MSG-15): a warning while staying up shows it read the TLV and did not close")
                        .body(Bolt07RangeCases::nonMinimalOption));
    }

    private static ConformanceCase range(String name, String title, Query q, String... requirements) {
        return CaseBuilder.of("bolt07/query/range/" + name).title(title).requires(requirements)
                .must().allow(Outcome.CONFORMS)
                .expected("reply_channel_range messages for " + q.summary() + " that follow every rule cited")
                .body(ctx -> answered(ctx, q, List.of(requirements)));
    }

    /** Sends the query and judges the replies; a node that sends none is judged by what it did instead. */
    private static Evidence answered(CaseContext ctx, Query query, List<String> judged) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, query.offerEx());
        QueryChannelRange q = query.make().apply(query.ownChain() ? r.requireChain() : GossipProbe.FOREIGN_CHAIN);
        r.session().send(q);
        Collected c = collectReplies(ctx, r.session(), 1);
        // every reply counts, whatever chain it names: one naming the wrong chain is what B7-QCR-08 catches
        List<ReplyChannelRange> replies = c.of(ReplyChannelRange.class);
        if (replies.isEmpty()) {
            return GossipProbe.without(ctx, r.session(), c, "reply_channel_range");
        }
        // a case judges the rules it cites; what else the replies break is reported, and judged by the case citing it
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (String p : RangeReplies.problems(q, replies)) {
            (query.judgesReplies() && judged.stream().anyMatch(p::contains) ? problems : notes).add(p);
        }
        String seen = replies.size() + " reply_channel_range for " + query.summary() + ": "
                + replies.stream().map(RangeReplies::describe).toList()
                + (notes.isEmpty() ? "" : "; not judged here: " + String.join("; ", notes));
        return problems.isEmpty() ? Evidence.conforms(seen) : Evidence.violates(String.join("; ", problems) + " — " + seen);
    }

    /** Replies until {@code finals} of them set sync_complete, a close, or the reply bound. */
    private static Collected collectReplies(CaseContext ctx, ProbeSession s, int finals) throws GarbledFrame {
        return ctx.oracle().collect(s, ctx.bounds().reply(), c -> c.of(ReplyChannelRange.class).stream()
                .filter(r -> r.syncComplete() != 0).count() >= finals, finals + " reply_channel_range with sync_complete");
    }

    private static Evidence pipelined(CaseContext ctx) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, false);
        Bytes chain = r.requireChain();
        QueryChannelRange first = new QueryChannelRange(chain, 100, 1000);
        QueryChannelRange second = new QueryChannelRange(chain, 2000, 1000);
        r.session().send(first);
        r.session().send(second);
        Collected c = collectReplies(ctx, r.session(), 2);
        List<ReplyChannelRange> replies = c.of(ReplyChannelRange.class);
        int split = 0;
        while (split < replies.size() && replies.get(split).syncComplete() == 0) {
            split++;
        }
        if (c.done()) {
            List<String> problems = new ArrayList<>(RangeReplies.problems(first, replies.subList(0, split + 1)));
            problems.addAll(RangeReplies.problems(second, replies.subList(split + 1, replies.size())));
            // judged here: both answered to a final reply; how the replies cover the ranges is the other cases' business
            String seen = replies.size() + " reply_channel_range: " + replies.stream().map(RangeReplies::describe).toList();
            return Evidence.conforms("both queries answered to a final reply: " + seen
                    + (problems.isEmpty() ? "" : "; not judged here: " + String.join("; ", problems)));
        }
        if (c.closed() || c.warned()) {
            return GossipProbe.without(ctx, r.session(), c, "answers to both queries");
        }
        Evidence after = ctx.oracle().followUp(r.session());
        if (after.outcome() != Outcome.STAYED_UP) {
            return after;
        }
        long finals = replies.stream().filter(x -> x.syncComplete() != 0).count();
        return Evidence.violates("only " + finals + " of 2 queries were answered to the end (" + replies.size()
                + " reply_channel_range), with no warning, and the node answers pings (B7-QCR-07)");
    }

    private static Evidence nonMinimalOption(CaseContext ctx) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, true);
        Bytes chain = r.nodeChain() != null ? r.nodeChain() : GossipProbe.FOREIGN_CHAIN;
        // query_channel_range_tlvs: type 1 (query_option), length 3, bigsize fd0001 = 1 in three bytes
        byte[] msg = Bytes.of(LightningMessageCodec.encode(new QueryChannelRange(chain, 100, 1000)))
                .concat(Bytes.fromHex("0103fd0001")).toByteArray();
        r.session().sendPlaintext(msg, "query_channel_range with query_option_flags 1 encoded as fd0001");
        return ctx.oracle().followUp(r.session());
    }
}
