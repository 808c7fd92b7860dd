package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Handshakes.Tamper;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.ReadResult;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.wire.message.Init;

/** Connection handling: one connection per peer (01-messaging.md, Connection Handling) and robustness. */
public final class ConnectionCases {

    private ConnectionCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/connection/single-per-peer")
                        .title("A second connection with the same static key leaves exactly one live connection")
                        .requires("B1-CONN-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(ConnectionCases::singlePerPeer),
                CaseBuilder.of("bolt08/connection/stalled-handshakes-do-not-block")
                        .title("Handshakes stalled after Act One and inside Act One do not delay a concurrent good one")
                        .requires("LNC-ROBUST-01")
                        .should().allow(Outcome.CONFORMS)
                        .body(ConnectionCases::stalledHandshakes));
    }

    private static Evidence singlePerPeer(CaseContext ctx) throws Exception {
        NodeKey key = ctx.freshKey();
        ProbeSession first = readyAs(ctx, key);
        ProbeSession second;
        try {
            second = readyAs(ctx, key);
        } catch (Refused refused) {
            // The node turned the duplicate away before init: that keeps at most one connection too.
            Evidence a = ctx.oracle().followUp(first);
            if (alive(a.outcome())) {
                return Evidence.conforms("the node refused the second connection (" + refused.getMessage()
                        + ") and kept the first: " + a.observed());
            }
            return a.outcome() == Outcome.SILENT ? Evidence.violates("the first connection became a zombie after the node "
                    + "refused the second: " + a.observed())
                    : Evidence.conforms("the node refused the second connection and closed the first as well (allowed: at "
                    + "most one). " + a.observed());
        }
        // A node may drop the older connection a moment after accepting the newer one: keep pinging
        // both until one of them is observed closed, within the reply bound. Passing needs a close
        // seen on the wire; both still answering at the bound is the failure.
        long deadline = System.nanoTime() + ctx.bounds().reply().toNanos();
        Evidence a;
        Evidence b;
        do {
            a = ctx.oracle().followUp(first);
            b = ctx.oracle().followUp(second);
            if (!alive(a.outcome()) || !alive(b.outcome())) {
                break;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        boolean firstUp = alive(a.outcome());
        boolean secondUp = alive(b.outcome());
        // no timing in the text: the same node must give the same evidence in every run (reports' stable index)
        String obs = "first connection: " + a.observed() + "; second: " + b.observed();
        if (firstUp && secondUp) {
            return Evidence.violates("both connections with the same key stayed live for "
                    + ctx.bounds().reply().toMillis() + " ms. " + obs);
        }
        if (a.outcome() == Outcome.SILENT || b.outcome() == Outcome.SILENT) {
            return Evidence.violates("a dropped connection was left open as a zombie. " + obs);
        }
        if (!firstUp && !secondUp) {
            return Evidence.conforms("the node kept neither (allowed: at most one). " + obs);
        }
        return Evidence.conforms("exactly one connection stayed live. " + obs);
    }

    private static boolean alive(Outcome o) {
        return o == Outcome.STAYED_UP || o == Outcome.WARNED_STAYED_UP;
    }

    /** The node closed a connection before its init: it refused it. */
    static final class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    private static ProbeSession readyAs(CaseContext ctx, NodeKey key) throws CaseError, Refused {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = Handshakes.initiate(c, key, ctx.target().publicKey(), Tamper.NONE, ctx.bounds());
        if (r instanceof Handshakes.Result.NoActTwo no && no.read() instanceof org.lnconform.harness.probe.ReadResult.Closed) {
            throw new Refused("closed during the handshake");
        }
        if (!(r instanceof Handshakes.Result.Done done)) {
            throw new CaseError("the harness could not complete a valid handshake, so the case cannot run: " + Handshakes.describe(r));
        }
        ProbeSession s = done.session();
        org.lnconform.harness.probe.Incoming first = s.read(ctx.bounds().init());
        if (first instanceof org.lnconform.harness.probe.Incoming.Closed) {
            throw new Refused("closed right after the handshake, before init");
        }
        if (!(first instanceof org.lnconform.harness.probe.Incoming.Message m
                && m.decoded() instanceof Init nodeInit)) {
            throw new CaseError("the node's first message was not a valid init: " + CaseContext.describe(first));
        }
        s.nodeInit(nodeInit);
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).build(), "init");
        return s;
    }

    private static Evidence stalledHandshakes(CaseContext ctx) throws Exception {
        List<ProbeConnection> stalled = new ArrayList<>();
        // one connection that stops after Act One (the node waits for Act Three) ...
        ProbeConnection afterActOne = ctx.dial();
        InitiatorStart.ActOne one = Handshake.initiator(ctx.freshKey(), ctx.target().publicKey(),
                CryptoProvider.defaults(), EphemeralKeys.secureRandom()).actOne();
        afterActOne.send(one.bytes(), "act1", "Act One, then nothing more");
        ReadResult two = afterActOne.readExactly(Handshake.ACT_TWO_LENGTH, ctx.bounds().act());
        AwaitingActTwo unused = one.next();
        stalled.add(afterActOne);
        // ... and one that stops in the middle of Act One
        ProbeConnection insideActOne = ctx.dial();
        byte[] act = Handshake.initiator(ctx.freshKey(), ctx.target().publicKey()).actOne().bytes();
        insideActOne.send(java.util.Arrays.copyOf(act, 20), "act1", "20 bytes of Act One, then nothing more");
        stalled.add(insideActOne);
        long t0 = System.nanoTime();
        ProbeSession good;
        try {
            good = ctx.ready();
        } catch (CaseError e) {
            return Evidence.violates("with two handshakes stalled, a good connection could not be set up: "
                    + e.getMessage());
        }
        Evidence e = ctx.oracle().followUp(good);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        String stall = two instanceof ReadResult.Data ? "" : " (the first stalled connection got no Act Two: " + org.lnconform.harness.probe.WireText.read(two) + ")";
        if (e.outcome() == Outcome.STAYED_UP) {
            // the time goes to the trace, not the verdict text: index.json stays the same run to run
            ctx.trace().note("timing", "good connection through in " + ms + " ms");
            return Evidence.conforms("a good connection completed handshake, init and a ping while two handshakes"
                    + " were stalled" + stall);
        }
        return Evidence.violates("with two handshakes stalled, a good connection did not get through: " + e.observed());
    }
}
