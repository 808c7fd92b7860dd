package org.lnconform.harness.cases.gossip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;

/**
 * Gossip a node may not send unasked (07-routing-gossip.md, The gossip_timestamp_filter Message,
 * its closing Requirements, and Rebroadcasting): after a filter that admits nothing or names another
 * chain, or before any filter, the node relays no gossip it did not generate. A node with no
 * channels has none to relay, so it passes; the cases catch a node that ignores the filter.
 */
public final class Bolt07FilterCases {

    private Bolt07FilterCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt07/query/filter/excludes-everything")
                        .title("After gossip_timestamp_filter(first_timestamp 0xFFFFFFFF, timestamp_range 0) the node relays no gossip")
                        .requires("B7-GOS-01", "B7-GTF-04")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> watch(ctx, "a filter that admits nothing", false)),
                CaseBuilder.of("bolt07/query/filter/foreign-chain")
                        .title("After gossip_timestamp_filter for a chain the node does not follow, it relays no gossip")
                        .requires("B7-GOS-01", "B7-GTF-04")
                        .must().allow(Outcome.CONFORMS, Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED)
                        .because("no receiver rule covers a filter for another chain, so the node may also refuse it"
                                + " (a warning and a close, as Core Lightning does); judged is only that it relays no gossip")
                        .body(ctx -> watch(ctx, "a filter for another chain", true)),
                CaseBuilder.of("bolt07/gossip/no-relay-before-filter")
                        .title("Before any gossip_timestamp_filter, the node relays no gossip it did not generate")
                        .requires("B7-REB-01", "B7-GOS-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ctx -> watch(ctx, null, false)));
    }

    /** Sends the filter (none if {@code what} is null), watches, and looks for relayed gossip. */
    private static Evidence watch(CaseContext ctx, String what, boolean foreignChain) throws Exception {
        GossipProbe.Ready r = GossipProbe.connect(ctx, false);
        if (what != null) {
            Bytes chain = foreignChain ? GossipProbe.FOREIGN_CHAIN : r.requireChain();
            r.session().send(foreignChain ? new GossipTimestampFilter(chain, 0, 0xffff_ffffL)
                    : new GossipTimestampFilter(chain, 0xffff_ffffL, 0));
        }
        Duration window = ctx.bounds().silent().dividedBy(2);
        Collected c = ctx.oracle().record(r.session(), window);
        if (c.closed()) {
            List<Incoming.Message> seen = new ArrayList<>(r.early().messages());
            seen.addAll(c.messages());
            List<String> relayed = RelayedGossip.relayed(seen, Bytes.of(ctx.target().publicKey()));
            if (!relayed.isEmpty()) {
                return Evidence.violates("relayed after " + what + ", then closed: " + relayed + " (B7-GOS-01)");
            }
            if (!foreignChain) {
                throw new CaseError("the node closed the connection while being watched, so nothing can be judged");
            }
            return c.warned() ? Evidence.of(Outcome.ERROR_THEN_CLOSED, "the node refused " + what + " with "
                    + c.warning() + " and closed, relaying no gossip")
                    : Evidence.of(Outcome.CLOSED, "the node closed the connection after " + what + ", relaying no gossip");
        }
        // the follow-up ping ends the record: what came before its pong counts too
        r.session().send(Ping.of(CaseContext.FOLLOW_UP_PONG_BYTES, 0));
        Collected tail = ctx.oracle().collect(r.session(), ctx.bounds().reply(),
                x -> x.of(Pong.class).stream().anyMatch(p -> p.ignored().size() == CaseContext.FOLLOW_UP_PONG_BYTES),
                "the pong to our follow-up ping");
        if (!tail.done()) {
            return tail.closed() ? Evidence.of(Outcome.CLOSED, "the node closed the connection while being watched")
                    : Evidence.of(Outcome.SILENT, "no pong to the follow-up ping within "
                            + ctx.bounds().reply().toMillis() + " ms: the connection is a zombie");
        }
        List<Incoming.Message> all = new ArrayList<>(r.early().messages());
        all.addAll(c.messages());
        all.addAll(tail.messages());
        List<String> relayed = RelayedGossip.relayed(all, Bytes.of(ctx.target().publicKey()));
        String after = what == null ? "with no gossip_timestamp_filter sent" : "after " + what;
        return relayed.isEmpty()
                ? Evidence.conforms("no relayed gossip " + after)
                : Evidence.violates("relayed " + after + ": " + relayed + " (B7-GOS-01)");
    }
}
