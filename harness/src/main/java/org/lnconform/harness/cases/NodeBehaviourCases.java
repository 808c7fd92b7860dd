package org.lnconform.harness.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.Ping;

/**
 * What the node sends of its own accord once init is exchanged, to a peer that offers nothing
 * beyond what the node requires (in particular not gossip_queries): its pings (01-messaging.md,
 * ping and pong), gossip queries and filters (07-routing-gossip.md, Query Messages), and any
 * message type at all (01-messaging.md, Lightning Message Format).
 */
public final class NodeBehaviourCases {

    static final int QUERY_SHORT_CHANNEL_IDS = 261;
    static final int QUERY_CHANNEL_RANGE = 263;
    static final int GOSSIP_TIMESTAMP_FILTER = 265;

    /** gossip_queries (BOLT 9, 6/7): "offered" means either bit. */
    static final int GOSSIP_QUERIES_EVEN = 6;

    /**
     * Every even message type the pinned BOLTs define: 01-messaging.csv (16, 18) and
     * 07-routing-gossip.csv (256, 258, 264); BOLT 2 (02-peer-protocol.md, at the same commit):
     * stfu 2, open_channel 32, funding_created 34, channel_ready 36, shutdown 38,
     * closing_complete 40, open_channel2 64, tx_add_input 66, tx_remove_input 68, tx_complete 70,
     * tx_init_rbf 72, tx_abort 74, splice_init 80, update_add_htlc 128, update_fulfill_htlc 130,
     * commitment_signed 132, update_fee 134, channel_reestablish 136.
     */
    static final Set<Integer> DEFINED_EVEN_TYPES = Set.of(16, 18, 256, 258, 264,
            2, 32, 34, 36, 38, 40, 64, 66, 68, 70, 72, 74, 80, 128, 130, 132, 134, 136);

    private NodeBehaviourCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/ping/node-ping-ignored-zeros")
                        .title("A ping the node sends after init carries zeros in ignored")
                        .requires("B1-PING-01")
                        .should().allow(Outcome.CONFORMS)
                        .expected("every byte of ignored in the node's ping is 0; a node that sends no ping within"
                                + " the bound leaves nothing to check")
                        .body(NodeBehaviourCases::nodePing),
                CaseBuilder.of("bolt07/gossip/no-queries-without-gossip-queries")
                        .title("The node sends no query_short_channel_ids or query_channel_range to a peer that does not offer gossip_queries")
                        .requires("B7-FEAT-03")
                        .should().allow(Outcome.CONFORMS)
                        .body(NodeBehaviourCases::noGossipQueries),
                CaseBuilder.of("bolt07/gossip/timestamp-filter-without-gossip-queries")
                        .title("If the node sends gossip_timestamp_filter to a peer without gossip_queries, it asks for no relayed gossip (0xFFFFFFFF, 0)")
                        .requires("B7-FEAT-04")
                        .should().allow(Outcome.CONFORMS)
                        .body(NodeBehaviourCases::timestampFilter),
                CaseBuilder.of("bolt01/message/sent/no-undefined-even-types")
                        .title("After init the node sends no even message type the BOLTs leave undefined (nothing was negotiated)")
                        .requires("B1-MSG-02")
                        .must().allow(Outcome.CONFORMS)
                        .body(NodeBehaviourCases::noUndefinedEvenTypes));
    }

    /** How long the node is watched after init for messages it sends unasked. */
    static Duration watchWindow(CaseContext ctx) {
        return ctx.bounds().silent().dividedBy(2);
    }

    /**
     * How long the node is watched for a ping of its own: 12 s by default, longer than a common
     * 10 s keep-alive tick (LDK's timer), so such a node's verdict does not depend on where in its
     * tick the case happens to start. Nodes that ping once a minute (lnd) stay UNSUPPORTED.
     */
    static Duration nodePingWindow(CaseContext ctx) {
        return ctx.bounds().reply().multipliedBy(12).dividedBy(5);
    }

    private static Evidence nodePing(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        Observation o = ctx.oracle().watch(s, nodePingWindow(ctx), m -> m.decoded() instanceof Ping);
        if (o.found() == null) {
            if (o.ending().outcome() == Outcome.SILENT) {
                return o.ending();
            }
            throw new Unsupported("the node sent no ping within " + nodePingWindow(ctx).toMillis()
                    + " ms after init (" + o.ending().observed() + "); keep-alive pings often come only every 30-60 s");
        }
        Ping p = (Ping) o.found().decoded();
        s.answerIfPing(o.found());
        return p.ignored().isAllZero()
                ? Evidence.conforms("the node's ping (num_pong_bytes " + p.numPongBytes() + ") carries "
                        + p.ignored().size() + " ignored byte(s), all zero")
                : Evidence.violates("the node's ping carries non-zero ignored bytes: " + p.ignored().hex());
    }

    private static Evidence noGossipQueries(CaseContext ctx) throws Exception {
        Observation o = watchWithoutGossipQueries(ctx);
        if (!o.alive()) {
            return o.ending();
        }
        List<String> queries = new ArrayList<>();
        for (Incoming.Message m : o.messages()) {
            if (m.type() == QUERY_SHORT_CHANNEL_IDS || m.type() == QUERY_CHANNEL_RANGE) {
                queries.add(MessageRegistry.standard().nameOf(m.type()));
            }
        }
        return queries.isEmpty()
                ? Evidence.conforms("no gossip query among the messages sent: " + names(o))
                : Evidence.violates("the node sent " + String.join(", ", queries) + " although we do not offer gossip_queries");
    }

    private static Evidence timestampFilter(CaseContext ctx) throws Exception {
        Observation o = watchWithoutGossipQueries(ctx);
        if (!o.alive()) {
            return o.ending();
        }
        List<String> filters = new ArrayList<>();
        boolean wrong = false;
        for (Incoming.Message m : o.messages()) {
            if (m.type() != GOSSIP_TIMESTAMP_FILTER) {
                continue;
            }
            try {
                WireReader r = new WireReader(m.plaintext());
                r.u16("type");
                r.bytes(32, "chain_hash");
                long first = r.u32("first_timestamp");
                long range = r.u32("timestamp_range");
                wrong |= first != 0xffff_ffffL || range != 0;
                filters.add("first_timestamp 0x" + Long.toHexString(first) + ", timestamp_range " + range);
            } catch (WireException e) {
                throw new CaseError("the node's gossip_timestamp_filter is cut short: " + e.getMessage());
            }
        }
        if (filters.isEmpty()) {
            return Evidence.conforms("no gossip_timestamp_filter sent: " + names(o));
        }
        return wrong ? Evidence.violates("gossip_timestamp_filter " + filters + " asks a peer without gossip_queries for gossip")
                : Evidence.conforms("gossip_timestamp_filter " + filters + " asks for no relayed gossip");
    }

    private static Evidence noUndefinedEvenTypes(CaseContext ctx) throws Exception {
        Observation o = watchWithoutGossipQueries(ctx);
        if (!o.alive()) {
            return o.ending();
        }
        Set<Integer> undefined = new TreeSet<>();
        for (Incoming.Message m : o.messages()) {
            if (m.type() % 2 == 0 && !DEFINED_EVEN_TYPES.contains(m.type())) {
                undefined.add(m.type());
            }
        }
        return undefined.isEmpty() ? Evidence.conforms("every even type sent is defined: " + names(o))
                : Evidence.violates("even message types no BOLT defines, sent without negotiation: " + undefined);
    }

    /**
     * Our init offers what the node requires but never gossip_queries; then the node's messages
     * are recorded for a while and up to the pong of a follow-up ping. A close while watching
     * leaves nothing to judge (ERROR); a zombie is its own finding (see {@link Observation#alive()}).
     */
    private static Observation watchWithoutGossipQueries(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.handshakeOk();
        Init nodeInit = ctx.readNodeInit(s);
        if (nodeInit.combinedFeatures().isSet(GOSSIP_QUERIES_EVEN)) {
            throw new Unsupported("the node requires gossip_queries (bit 6), so a peer without it cannot connect");
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features())
                .features(InitBuilder.compatibleFeatures(nodeInit, ctx.features())
                        .clear(GOSSIP_QUERIES_EVEN).clear(GOSSIP_QUERIES_EVEN + 1))
                .build(), "init compatible with the node's, without gossip_queries");
        Observation o = ctx.oracle().watch(s, watchWindow(ctx), m -> false);
        if (o.closed()) {
            throw new CaseError("the node closed the connection while being watched (" + names(o) + ")");
        }
        return o;
    }

    private static String names(Observation o) {
        return o.names();
    }
}
