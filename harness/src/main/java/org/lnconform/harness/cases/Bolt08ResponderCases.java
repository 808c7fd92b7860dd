package org.lnconform.harness.cases;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Handshakes.Tamper;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.NodeKey;

/** BOLT 8 handshake probes with the node as responder (08-transport.md, Authenticated Key Exchange Handshake). */
public final class Bolt08ResponderCases {

    private Bolt08ResponderCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt08/handshake/valid-act-two")
                        .title("A valid Act One is answered with a well-formed Act Two (version 0, valid key, valid MAC)")
                        .requires("B8-HS-02", "B8-ACT2-01", "B8-CRYPTO-01", "B8-VER-01")
                        .must().allow(Outcome.CONFORMS)
                        .body(Bolt08ResponderCases::validActTwo),
                CaseBuilder.of("bolt08/act1/bad-version")
                        .title("Act One with version 1 is rejected: the node closes without answering")
                        .requires("B8-ACT1-02", "B8-VER-01")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActOne(ctx, Tamper.actOne(Handshakes.setByte(0, 1)))),
                CaseBuilder.of("bolt08/act1/bad-key-prefix")
                        .title("Act One whose ephemeral key has prefix 0x04 is rejected")
                        .requires("B8-ACT1-04")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActOne(ctx, Tamper.actOne(Handshakes.setByte(1, 4)))),
                CaseBuilder.of("bolt08/act1/bad-key-not-on-curve")
                        .title("Act One whose ephemeral key is not a point on secp256k1 is rejected")
                        .requires("B8-ACT1-04")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActOne(ctx, Tamper.actOne(Bolt08ResponderCases::offCurveKey))),
                CaseBuilder.of("bolt08/act1/bad-mac")
                        .title("Act One with a corrupted MAC is rejected without any further message")
                        .requires("B8-ACT1-03", "B8-GEN-02")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActOne(ctx, Tamper.actOne(Handshakes.flip(49)))),
                CaseBuilder.of("bolt08/act1/wrong-responder-key")
                        .title("Act One made for another responder key fails the MAC check and is rejected")
                        .requires("B8-ACT1-03", "B8-GEN-02")
                        .must().allow(Outcome.CLOSED)
                        .body(Bolt08ResponderCases::wrongResponderKey),
                CaseBuilder.of("bolt08/act1/truncated")
                        .title("49 of Act One's 50 bytes, then end of stream: the node closes")
                        .requires("B8-ACT1-01", "B8-HS-02")
                        .must().allow(Outcome.CLOSED)
                        .body(Bolt08ResponderCases::truncatedActOne),
                CaseBuilder.of("bolt08/act3/bad-version")
                        .title("Act Three with version 1 is rejected: no init follows, the node closes")
                        .requires("B8-ACT3-01", "B8-VER-01")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActThree(ctx, Tamper.actThree(Handshakes.setByte(0, 1)))),
                CaseBuilder.of("bolt08/act3/bad-ciphertext-mac")
                        .title("Act Three whose encrypted static key fails its MAC is rejected")
                        .requires("B8-ACT3-02", "B8-GEN-02")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActThree(ctx, Tamper.actThree(Handshakes.flip(10)))),
                CaseBuilder.of("bolt08/act3/bad-key")
                        .title("Act Three carrying a correctly encrypted but invalid static key (prefix 0x04) is rejected")
                        .requires("B8-ACT3-04")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActThree(ctx, Tamper.presentStatic(invalidStaticKey(ctx)))),
                CaseBuilder.of("bolt08/act3/bad-mac")
                        .title("Act Three with a corrupted final MAC is rejected")
                        .requires("B8-ACT3-03", "B8-GEN-02")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActThree(ctx, Tamper.actThree(Handshakes.flip(65)))),
                CaseBuilder.of("bolt08/act3/wrong-static-key")
                        .title("Act Three presenting a valid static key we do not hold fails the final MAC and is rejected")
                        .requires("B8-ACT3-03", "B8-ACT3-04")
                        .must().allow(Outcome.CLOSED)
                        .body(ctx -> badActThree(ctx, Tamper.presentStatic(ctx.freshKey().publicKey()))),
                CaseBuilder.of("bolt08/act3/truncated")
                        .title("65 of Act Three's 66 bytes, then end of stream: the node closes")
                        .requires("B8-ACT3-05", "B8-HS-02")
                        .must().allow(Outcome.CLOSED)
                        .body(Bolt08ResponderCases::truncatedActThree));
    }

    private static Evidence validActTwo(CaseContext ctx) throws Exception {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = ctx.handshake(c, Tamper.NONE);
        if (r instanceof Handshakes.Result.Done) {
            return Evidence.conforms("Act Two was 50 bytes, version 0, with a valid key and MAC");
        }
        if (r instanceof Handshakes.Result.BadActTwo bad) {
            return Evidence.violates("Act Two was rejected by our responder-side checks: " + bad.error().getMessage());
        }
        return Evidence.violates("no Act Two arrived: " + Handshakes.describe(r));
    }

    private static Evidence badActOne(CaseContext ctx, Tamper tamper) throws Exception {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = ctx.handshake(c, tamper);
        if (r instanceof Handshakes.Result.NoActTwo no) {
            return ctx.oracle().afterBadAct(no.read());
        }
        return Evidence.of(Outcome.PROCEEDED, "the node answered the bad Act One with an Act Two");
    }

    private static Evidence wrongResponderKey(CaseContext ctx) throws Exception {
        ProbeConnection c = ctx.dial();
        byte[] someoneElse = ctx.freshKey().publicKey();
        Handshakes.Result r = Handshakes.initiate(c, ctx.freshKey(), someoneElse, Tamper.NONE, ctx.bounds());
        if (r instanceof Handshakes.Result.NoActTwo no) {
            return ctx.oracle().afterBadAct(no.read());
        }
        return Evidence.of(Outcome.PROCEEDED, "the node answered an Act One meant for another key");
    }

    private static Evidence truncatedActOne(CaseContext ctx) throws Exception {
        ProbeConnection c = ctx.dial();
        byte[] act = org.lnconform.noise.Handshake.initiator(ctx.freshKey(), ctx.target().publicKey()).actOne().bytes();
        byte[] partial = java.util.Arrays.copyOf(act, Handshake.ACT_ONE_LENGTH - 1);
        c.send(partial, "act1", "first 49 bytes of Act One");
        c.shutdownOutput();
        return ctx.oracle().afterBadAct(c, 1, "data");
    }

    private static Evidence badActThree(CaseContext ctx, Tamper tamper) throws Exception {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = ctx.handshake(c, tamper);
        if (!(r instanceof Handshakes.Result.Done)) {
            throw new org.lnconform.harness.run.CaseError("the handshake did not reach Act Three, so the case cannot run: "
                    + Handshakes.describe(r));
        }
        // after a rejected Act Three the node must send nothing (in particular, no init)
        return ctx.oracle().afterBadAct(c, 18, "an encrypted message (its init)");
    }

    private static Evidence truncatedActThree(CaseContext ctx) throws Exception {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = ctx.handshake(c, Tamper.actThree(b -> java.util.Arrays.copyOf(b, 65)));
        if (!(r instanceof Handshakes.Result.Done)) {
            throw new org.lnconform.harness.run.CaseError("the handshake did not reach Act Three, so the case cannot run: "
                    + Handshakes.describe(r));
        }
        c.shutdownOutput();
        return ctx.oracle().afterBadAct(c, 18, "an encrypted message (its init)");
    }

    /** Act One with its ephemeral key replaced by an x-coordinate that has no point on the curve. */
    static byte[] offCurveKey(byte[] act) {
        byte[] x = act.clone();
        byte[] key = Keys.offCurve();
        System.arraycopy(key, 0, x, 1, 33);
        return x;
    }

    static byte[] invalidStaticKey(CaseContext ctx) {
        byte[] k = ctx.freshKey().publicKey();
        k[0] = 4;
        return k;
    }
}
