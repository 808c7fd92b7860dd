package org.lnconform.harness.cases.gossip;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;

/**
 * A connection for the gossip query cases: our init offers gossip_queries (BOLT 9 bit 7, and
 * gossip_queries_ex, bit 11, when asked), echoing the node's networks, and a ping/pong round; what
 * the node sends afterwards is collected by the oracle ({@link org.lnconform.harness.oracle.Oracle#collect}).
 */
final class GossipProbe {

    static final int GOSSIP_QUERIES_OPTIONAL = 7;
    static final int GOSSIP_QUERIES_EX_OPTIONAL = 11;

    /** A chain hash no node follows ("lnconform" and zeros), for queries about another chain. */
    static final Bytes FOREIGN_CHAIN = Bytes.fromHex("6c6e636f6e666f726d" + "00".repeat(23));

    private GossipProbe() {}

    /**
     * The connection, the node's chain (the first of its networks, else the chain its own filter or
     * query names, else the chain the target declares) when one is known, the chain known apart
     * from the node's own gossip messages ({@code knownChain}: its networks, else the declared
     * chain; {@code knownFrom} says which), and what the node sent before the pong that ends the
     * set-up (its own queries and gossip may come that early).
     */
    record Ready(ProbeSession session, Init nodeInit, Bytes nodeChain, Bytes knownChain, String knownFrom,
            Collected early) {

        /** The node's chain, or UNSUPPORTED when its init names none (then "our chain" cannot be queried). */
        Bytes requireChain() throws Unsupported {
            if (nodeChain == null) {
                throw new Unsupported("neither the node's init (networks) nor a gossip_timestamp_filter or query of"
                        + " its own names its chain, so the harness cannot tell which chain to query");
            }
            return nodeChain;
        }
    }

    static Ready connect(CaseContext ctx, boolean offerEx) throws Exception {
        // (a frame that fails decryption on the way is thrown as the case's BOLT 8 finding)
        ProbeSession s = ctx.handshakeOk();
        Init nodeInit = ctx.readNodeInit(s);
        var features = InitBuilder.compatibleFeatures(nodeInit, ctx.features()).set(GOSSIP_QUERIES_OPTIONAL);
        if (offerEx) {
            features = features.set(GOSSIP_QUERIES_EX_OPTIONAL);
        } else if (!nodeInit.combinedFeatures().isSet(GOSSIP_QUERIES_EX_OPTIONAL - 1)) {
            features = features.clear(GOSSIP_QUERIES_EX_OPTIONAL);
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).features(features).build(),
                "init compatible with the node's, offering gossip_queries" + (offerEx ? " and gossip_queries_ex" : ""));
        // a ping/pong round first: the node has taken our init, and its own first pings are answered
        // before the case acts (a node that goes silent on purpose must not be closed for a late pong)
        s.send(Ping.of(CaseContext.FOLLOW_UP_PONG_BYTES, 0));
        Collected sync = ctx.oracle().collect(s, ctx.bounds().reply(), c -> c.of(Pong.class).stream()
                .anyMatch(p -> p.ignored().size() == CaseContext.FOLLOW_UP_PONG_BYTES), "the pong to our ping after init");
        if (!sync.done()) {
            throw new CaseError("the node did not answer a ping right after init ("
                    + (sync.closed() ? "it closed the connection" : "no pong within the bound") + ")");
        }
        Bytes chain = null;
        try {
            chain = nodeInit.networks().filter(n -> !n.isEmpty()).map(n -> n.get(0)).orElse(null);
        } catch (WireException e) {
            // a broken networks TLV is another case's finding; here the chain stays unknown
        }
        Bytes known = chain != null ? chain : ctx.declaredChain().orElse(null);
        String knownFrom = chain != null ? "the first chain of its init's networks"
                : known != null ? "the chain the target was started on (its init names none)" : null;
        if (chain == null) {
            // no networks in its init (lnd sends none): the chain its own filter or queries name
            chain = namedChain(sync);
            if (chain == null && ctx.declaredChain().isPresent()) {
                // the chain the target was started on: not waiting for a filter or query the node may
                // or may not send (lnd queries only the first peer it syncs with)
                chain = ctx.declaredChain().get();
            }
            if (chain == null) {
                Collected more = ctx.oracle().collect(s, ctx.bounds().silent().dividedBy(2), c -> namedChain(c) != null,
                        "a gossip_timestamp_filter or query naming the node's chain");
                List<Incoming.Message> all = new ArrayList<>(sync.messages());
                all.addAll(more.messages());
                sync = new Collected(all, true, more.closed(), more.warned() ? more.warning() : sync.warning());
                chain = namedChain(more);
            }
        }
        return new Ready(s, nodeInit, chain, known, knownFrom, sync);
    }

    /** The chain the node's own gossip_timestamp_filter or query names, if it sent one. */
    private static Bytes namedChain(Collected c) {
        for (Incoming.Message m : c.messages()) {
            if (m.decoded() instanceof GossipTimestampFilter f) {
                return f.chainHash();
            }
            if (m.decoded() instanceof QueryChannelRange q) {
                return q.chainHash();
            }
            if (m.decoded() instanceof QueryShortChannelIds q) {
                return q.chainHash();
            }
        }
        return null;
    }

    /**
     * What the node's silence or close means when what was awaited did not come: closed, or the
     * follow-up ping's answer (alive, with or without the warning seen before, or a zombie).
     */
    static Evidence without(CaseContext ctx, ProbeSession s, Collected c, String missing) {
        if (c.closed()) {
            return c.warned() ? Evidence.of(Outcome.ERROR_THEN_CLOSED, "the node sent " + c.warning() + " and closed")
                    : Evidence.of(Outcome.CLOSED, "the node closed the connection without " + missing);
        }
        Evidence after = ctx.oracle().followUp(s);
        if (!c.warned()) {
            return after.outcome() == Outcome.STAYED_UP
                    ? Evidence.of(Outcome.STAYED_UP, "no " + missing + " within " + ctx.bounds().reply().toMillis()
                            + " ms, though the node answers pings")
                    : after;
        }
        return switch (after.outcome()) {
            case STAYED_UP, WARNED_STAYED_UP -> Evidence.of(Outcome.WARNED_STAYED_UP, "the node sent " + c.warning()
                    + " and still answers pings");
            case CLOSED, ERROR_THEN_CLOSED -> Evidence.of(Outcome.ERROR_THEN_CLOSED, "the node sent " + c.warning()
                    + " and closed");
            default -> after;
        };
    }
}
