package org.lnconform.harness.cases;

import java.util.List;
import java.util.function.UnaryOperator;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.ReadResult;
import org.lnconform.harness.probe.Responder;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InboundConnection;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.Session;
import org.lnconform.wire.message.Init;

/** The node as BOLT 8 initiator: it dials the harness (lnconform listen, or a dial-back through its API). */
public final class InitiatorCases {

    private InitiatorCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt08/initiator/act1-well-formed")
                        .title("The node's Act One is 50 bytes, version 0, with a valid key and a MAC made for our key")
                        .requires("B8-HS-02", "B8-VER-01", "B8-CRYPTO-01").initiatorSide()
                        .must().allow(Outcome.CONFORMS)
                        .body(InitiatorCases::actOneWellFormed),
                CaseBuilder.of("bolt08/initiator/act2-bad-version")
                        .title("An Act Two with version 1 makes the node abort without sending Act Three")
                        .requires("B8-ACT2-02", "B8-VER-01").initiatorSide()
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActTwo(ctx, Handshakes.setByte(0, 1))),
                CaseBuilder.of("bolt08/initiator/act2-bad-key")
                        .title("An Act Two whose ephemeral key has prefix 0x04 makes the node abort")
                        .requires("B8-ACT2-04").initiatorSide()
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActTwo(ctx, Handshakes.setByte(1, 4))),
                CaseBuilder.of("bolt08/initiator/act2-bad-mac")
                        .title("An Act Two with a corrupted MAC makes the node abort without any further message")
                        .requires("B8-ACT2-03", "B8-GEN-02").initiatorSide()
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActTwo(ctx, Handshakes.flip(49))),
                CaseBuilder.of("bolt08/initiator/act3-well-formed")
                        .title("The node's Act Three is 66 bytes, version 0, and authenticates its static key")
                        .requires("B8-HS-02", "B8-ACT3-01", "B8-ACT3-02", "B8-ACT3-03").initiatorSide()
                        .must().allow(Outcome.CONFORMS)
                        .body(InitiatorCases::actThreeWellFormed),
                CaseBuilder.of("bolt01/initiator/init-first")
                        .title("As initiator, the node's first message after the handshake is init")
                        .requires("B1-INIT-02", "B8-GEN-01").initiatorSide()
                        .must().allow(Outcome.CONFORMS)
                        .body(InitiatorCases::initFirst));
    }

    private static Evidence actOneWellFormed(CaseContext ctx) throws Exception {
        InboundConnection in = ctx.awaitNodeConnection();
        ctx.track(in.connection());
        Responder.Result r = Responder.actOneAndTwo(in.connection(), in.harnessKey(), UnaryOperator.identity(), ctx.bounds());
        if (r instanceof Responder.Result.ActTwoSent) {
            return Evidence.conforms("Act One was well-formed and authenticated for the harness key");
        }
        if (r instanceof Responder.Result.BadActOne bad) {
            return Evidence.violates("Act One rejected: " + bad.error().getMessage());
        }
        return Evidence.violates("no complete Act One arrived: " + Responder.describe(r));
    }

    private static Evidence badActTwo(CaseContext ctx, UnaryOperator<byte[]> tamper) throws Exception {
        InboundConnection in = ctx.awaitNodeConnection();
        ctx.track(in.connection());
        Responder.Result r = Responder.actOneAndTwo(in.connection(), in.harnessKey(), tamper, ctx.bounds());
        if (!(r instanceof Responder.Result.ActTwoSent)) {
            throw new org.lnconform.harness.run.CaseError("the node's Act One was not usable, so the case cannot run: " + Responder.describe(r));
        }
        return ctx.oracle().afterBadAct(in.connection(), 66, "Act Three");
    }

    private static Session fullHandshake(CaseContext ctx, InboundConnection in) throws Exception {
        Responder.Result r = Responder.actOneAndTwo(in.connection(), in.harnessKey(), UnaryOperator.identity(), ctx.bounds());
        if (!(r instanceof Responder.Result.ActTwoSent sent)) {
            throw new org.lnconform.harness.run.CaseError("the node's Act One was not usable, so the case cannot run: " + Responder.describe(r));
        }
        return Responder.actThree(in.connection(), sent.next(), ctx.bounds());
    }

    private static Evidence actThreeWellFormed(CaseContext ctx) throws Exception {
        InboundConnection in = ctx.awaitNodeConnection();
        ctx.track(in.connection());
        try {
            Session s = fullHandshake(ctx, in);
            byte[] expected = ctx.target().publicKey();
            if (isPlaceholder(expected)) {
                // listen mode without --node-id: the node's id is not known, only the MACs can be checked
                return Evidence.conforms("Act Three authenticated static key "
                        + org.lnconform.noise.Hex.encode(s.remoteStatic()) + " (node id not given, so not compared)");
            }
            boolean same = java.util.Arrays.equals(s.remoteStatic(), expected);
            return same ? Evidence.conforms("Act Three authenticated the node's static key")
                    : Evidence.violates("Act Three authenticated a key other than the node's advertised id");
        } catch (HandshakeException e) {
            return Evidence.violates("Act Three rejected: " + e.getMessage());
        }
    }

    /** 0x02 followed by zeros: the stand-in id {@code lnconform listen} uses when the node's id is not given. */
    static boolean isPlaceholder(byte[] key) {
        for (int i = 1; i < key.length; i++) {
            if (key[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Evidence initFirst(CaseContext ctx) throws Exception {
        InboundConnection in = ctx.awaitNodeConnection();
        ctx.track(in.connection());
        Session s;
        try {
            s = fullHandshake(ctx, in);
        } catch (HandshakeException e) {
            throw new org.lnconform.harness.run.CaseError("the node's handshake failed: " + e.getMessage());
        }
        ProbeSession ps = new ProbeSession(in.connection(), s);
        Incoming first = ps.read(ctx.bounds().init());
        if (first instanceof Incoming.Message m && m.decoded() instanceof Init) {
            return Evidence.conforms("the first message was init");
        }
        return Evidence.violates("the first message was not init: " + CaseContext.describe(first));
    }
}
