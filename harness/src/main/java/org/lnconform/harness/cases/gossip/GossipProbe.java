package org.lnconform.harness.cases.gossip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.Warning;

/**
 * A connection for the gossip query cases: our init offers gossip_queries (BOLT 9 bit 7, and
 * gossip_queries_ex, bit 11, when asked), echoing the node's networks; then bounded collection of
 * what the node sends, answering its pings on the way.
 */
final class GossipProbe {

    static final int GOSSIP_QUERIES_OPTIONAL = 7;
    static final int GOSSIP_QUERIES_EX_OPTIONAL = 11;

    /** A chain hash no node follows ("lnconform" and zeros), for queries about another chain. */
    static final Bytes FOREIGN_CHAIN = Bytes.fromHex("6c6e636f6e666f726d" + "00".repeat(23));

    private GossipProbe() {}

    /**
     * The connection, the node's chain (the first of its networks, else the chain its own filter or
     * query names) when it names one, and what the
     * node sent before the pong that ends the set-up (its own queries and gossip may come that early).
     */
    record Ready(ProbeSession session, Init nodeInit, Bytes nodeChain, boolean chainFromInit, Collected early) {

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
        Collected sync = collect(s, ctx.bounds().reply(), c -> c.of(Pong.class).stream()
                .anyMatch(p -> p.ignored().size() == CaseContext.FOLLOW_UP_PONG_BYTES));
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
        boolean fromInit = chain != null;
        if (chain == null) {
            // no networks in its init (lnd sends none): the chain its own filter or queries name
            chain = namedChain(sync);
            if (chain == null) {
                Collected more = collect(s, ctx.bounds().silent().dividedBy(2), c -> namedChain(c) != null);
                List<Incoming.Message> all = new ArrayList<>(sync.messages());
                all.addAll(more.messages());
                sync = new Collected(List.copyOf(all), true, more.closed(), more.warned() ? more.warning() : sync.warning());
                chain = namedChain(more);
            }
        }
        return new Ready(s, nodeInit, chain, fromInit, sync);
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
     * What a collection saw: the messages in order, whether an error or warning came, and how it
     * ended: {@code done} (the predicate held), {@code closed}, or neither (the bound ran out).
     */
    record Collected(List<Incoming.Message> messages, boolean done, boolean closed, String warning) {

        <T> List<T> of(Class<T> type) {
            return messages.stream().map(Incoming.Message::decoded).filter(type::isInstance).map(type::cast).toList();
        }

        boolean warned() {
            return warning != null;
        }
    }

    /** Reads until {@code done} holds for what arrived so far, the node closes, or {@code bound} runs out. */
    static Collected collect(ProbeSession s, Duration bound, Predicate<Collected> done) {
        List<Incoming.Message> seen = new ArrayList<>();
        String warning = null;
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return new Collected(List.copyOf(seen), false, false, warning);
            }
            Incoming in = s.read(Duration.ofNanos(left));
            if (in instanceof Incoming.Closed || in instanceof Incoming.BadFrame) {
                return new Collected(List.copyOf(seen), false, true, warning);
            }
            if (in instanceof Incoming.Silent) {
                continue;
            }
            Incoming.Message m = (Incoming.Message) in;
            seen.add(m);
            if (m.decoded() instanceof Warning w) {
                warning = "warning \"" + w.dataText() + "\"";
            } else if (m.decoded() instanceof ErrorMessage e) {
                warning = "error \"" + e.dataText() + "\"";
            } else {
                s.answerIfPing(m);
            }
            Collected sofar = new Collected(List.copyOf(seen), false, false, warning);
            if (done.test(sofar)) {
                return new Collected(sofar.messages(), true, false, warning);
            }
        }
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
