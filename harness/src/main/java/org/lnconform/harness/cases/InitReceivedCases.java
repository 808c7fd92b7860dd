package org.lnconform.harness.cases;

import java.time.Duration;
import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.WireText;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.InitMaker;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;

/**
 * What the node accepts in our init's feature fields, and what it does around init
 * (01-messaging.md, The init Message, receiving node; 09-features.md, Requirements).
 */
public final class InitReceivedCases {

    /** num_pong_bytes of the ping sent before our init: distinct from the oracle's follow-up. */
    static final int EARLY_PONG_BYTES = 17;

    private InitReceivedCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/init/received/unknown-odd-feature")
                        .title("Unassigned odd bits in features, one near the assigned bits and one far above, are ignored")
                        .requires("B1-INIT-14")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> ignoresInit(ctx, "init with unassigned odd bits "
                                + Unknowns.oddFeatureBits(ctx.features()) + " in features", (n, b) -> {
                                    FeatureVector v = b.featureVector();
                                    for (int bit : Unknowns.oddFeatureBits(ctx.features())) {
                                        v = v.set(bit);
                                    }
                                    return b.features(v).build();
                                })),
                CaseBuilder.of("bolt01/init/received/unknown-odd-globalfeature")
                        .title("An unassigned odd bit in globalfeatures is ignored")
                        .requires("B1-INIT-14", "B1-INIT-12")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> ignoresInit(ctx, "init with an unassigned odd bit in globalfeatures",
                                (n, b) -> b.globalFeatures(FeatureVector.of(Unknowns.oddFeatureBit(ctx.features()))).build())),
                CaseBuilder.of("bolt01/init/received/unknown-even-feature")
                        .title("An unassigned even bit in features closes the connection, one near the assigned bits"
                                + " and one far above, each on a connection of its own")
                        .requires("B1-INIT-15")
                        .must().mustClose()
                        .body(InitReceivedCases::eachEvenBitCloses),
                CaseBuilder.of("bolt01/init/received/unknown-even-globalfeature")
                        .title("An unassigned even bit only in globalfeatures, which is longer than features, closes the connection")
                        .requires("B1-INIT-15", "B1-INIT-12")
                        .must().mustClose()
                        .body(ctx -> afterInit(ctx, "init with an unassigned even bit in a long globalfeatures",
                                (n, b) -> b.globalFeatures(FeatureVector.of(Unknowns.evenFeatureBit(ctx.features()))).build())),
                CaseBuilder.of("bolt09/init/received/unknown-pair-both-bits")
                        .title("Both bits of an unassigned pair set: the even bit alone requires a close")
                        .requires("B9-RECV-01", "B1-INIT-15")
                        .must().mustClose()
                        .body(ctx -> afterInit(ctx, "init with both bits of an unassigned pair",
                                (n, b) -> b.features(b.featureVector().set(Unknowns.evenFeatureBit(ctx.features()))
                                        .set(Unknowns.oddFeatureBit(ctx.features()))).build())),
                CaseBuilder.of("bolt01/init/received/missing-dependency")
                        .title("A feature offered without a dependency the node knows closes the connection")
                        .requires("B1-INIT-17")
                        .must().mustClose()
                        .body(ctx -> afterInit(ctx, "init offering a feature without its dependency", (n, b) -> {
                            DependencyPair p = dependencyPair(n, ctx.features());
                            return b.features(withoutDependency(b, p)).build();
                        })),
                CaseBuilder.of("bolt01/init/received/dependency-only-in-globalfeatures")
                        .title("A dependency set only in globalfeatures (of another length) counts once the fields are OR-ed")
                        .requires("B1-INIT-12", "B1-INIT-17")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> afterInit(ctx, "init with a feature in features and its dependency in globalfeatures",
                                (n, b) -> {
                                    DependencyPair p = dependencyPair(n, ctx.features());
                                    return b.features(withoutDependency(b, p))
                                            .globalFeatures(FeatureVector.of(p.dependency().oddBit())).build();
                                })),
                CaseBuilder.of("bolt01/init/received/overlapping-fields")
                        .title("A feature set in both fields, its dependency in globalfeatures alone: OR-ed, the vector is complete")
                        .requires("B1-INIT-12", "B1-INIT-17")
                        .must().allow(Outcome.STAYED_UP)
                        .body(ctx -> afterInit(ctx, "init with overlapping feature fields", (n, b) -> {
                            DependencyPair p = dependencyPair(n, ctx.features());
                            return b.features(withoutDependency(b, p))
                                    .globalFeatures(FeatureVector.of(p.feature().oddBit(), p.dependency().oddBit())).build();
                        })),
                CaseBuilder.of("bolt01/init/received/second-init")
                        .title("A second init on a running connection may be ignored or refused, but must not leave a zombie")
                        .requires("LNC-ROBUST-02")
                        .should().anythingButSilent()
                        .body(InitReceivedCases::secondInit),
                CaseBuilder.of("bolt01/init/received/ping-before-init")
                        .title("A ping sent before our init is not answered before our init (closing or ignoring it are both fine)")
                        .requires("B1-INIT-11", "LNC-ROBUST-04")
                        .must().anythingButSilent()
                        .expected("The node sends no pong (nor anything else) before our init arrives; it may close"
                                + " the connection or ignore the early ping, and after our init it answers a ping.")
                        .because("MUST wait for init before sending other messages: a pong before our init fails;"
                                + " closing or ignoring the early ping are both allowed")
                        .body(InitReceivedCases::pingBeforeInit));
    }

    /** Handshake, the node's init, then ours as {@code maker} builds it, then the follow-up oracle. */
    private static Evidence afterInit(CaseContext ctx, String summary, InitMaker maker) throws CaseError, Unsupported {
        return ctx.oracle().followUp(ctx.withInit(summary, maker));
    }

    /** B1-INIT-15 for each unassigned even bit across the range; the first that does not close decides. */
    private static Evidence eachEvenBitCloses(CaseContext ctx) throws CaseError, Unsupported {
        List<String> closed = new java.util.ArrayList<>();
        Evidence last = null;
        for (int bit : Unknowns.evenFeatureBits(ctx.features())) {
            last = afterInit(ctx, "init with the unassigned even bit " + bit + " in features",
                    (n, b) -> b.features(b.featureVector().set(bit)).build());
            if (last.outcome() != Outcome.CLOSED && last.outcome() != Outcome.ERROR_THEN_CLOSED) {
                return Evidence.of(last.outcome(), "bit " + bit + (closed.isEmpty() ? "" : " (bit "
                        + String.join(", ", closed) + " did close)") + ": " + last.observed());
            }
            closed.add(String.valueOf(bit));
        }
        return Evidence.of(last.outcome(), "each of bits " + String.join(", ", closed)
                + " ended its connection; last: " + last.observed());
    }

    /** Likewise, for input the node MUST ignore: any reaction fails. */
    private static Evidence ignoresInit(CaseContext ctx, String summary, InitMaker maker) throws CaseError, Unsupported {
        return ctx.oracle().expectIgnored(ctx.withInit(summary, maker));
    }

    /** A feature the node offers together with one of its direct dependencies, which the node does not require. */
    record DependencyPair(Feature feature, Feature dependency) {}

    /**
     * Only a dependency the node knows can be required of us (B1-INIT-17 says "known"): both
     * features must be in the node's own init. ASSUMED dependencies count as always met, and a
     * dependency the node requires would make it close for that reason instead.
     */
    static DependencyPair dependencyPair(Init nodeInit, FeatureTable table) throws Unsupported {
        FeatureVector theirs = nodeInit.combinedFeatures();
        for (Feature f : table.features()) {
            if (!f.isOfferedIn(theirs)) {
                continue;
            }
            for (Feature d : table.dependencies(f)) {
                if (!d.assumed() && d.isOfferedIn(theirs) && !theirs.isSet(d.evenBit())) {
                    return new DependencyPair(f, d);
                }
            }
        }
        throw new Unsupported("the node's init offers no feature together with a dependency it does not require"
                + " (e.g. option_simple_close with option_shutdown_anysegwit)");
    }

    /** Our features with the pair's feature offered and its dependency (both bits) left out. */
    static FeatureVector withoutDependency(InitBuilder b, DependencyPair p) {
        return b.featureVector().clear(p.dependency().evenBit()).clear(p.dependency().oddBit())
                .set(p.feature().oddBit());
    }

    private static Evidence secondInit(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.ready();
        s.sendPlaintext(InitBuilder.compatibleWith(s.nodeInit(), ctx.features()).build(), "a second init");
        return ctx.oracle().followUp(s);
    }

    /**
     * B1-INIT-11. What the node does about the early ping is one of: a pong before our init
     * (fails), a close (with or without an error or warning), or nothing, and then, after our
     * init, it is alive. When exactly a close arrives (before or after our init goes out) is
     * timing, so the evidence does not say.
     */
    private static Evidence pingBeforeInit(CaseContext ctx) throws Exception {
        ProbeSession s = ctx.handshakeOk();
        Init nodeInit = ctx.readNodeInit(s);
        s.send(Ping.of(EARLY_PONG_BYTES, 0));
        Oracle.Window w = ctx.oracle().window(s, Oracle.QUIET, false);
        List<String> warnings = new java.util.ArrayList<>();
        for (Incoming.Message m : w.messages()) {
            LightningMessage d = m.decoded();
            if (d instanceof Pong p) {
                return Evidence.of(Outcome.PROCEEDED, "the node answered the early ping with "
                        + WireText.message(p) + " before our init arrived");
            }
            if (d instanceof ErrorMessage || d instanceof Warning) {
                warnings.add(WireText.message(d));
            } else {
                return Evidence.violates("before our init the node sent " + CaseContext.describe(m));
            }
        }
        if (w.end() instanceof Incoming.BadFrame b) {
            return Oracle.garbled(b);
        }
        if (w.end() instanceof Incoming.Closed) {
            return closedOnEarlyPing(warnings);
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).build(), "init, after an early ping");
        Evidence after = ctx.oracle().followUp(s);
        if (after.outcome() == Outcome.CLOSED || after.outcome() == Outcome.ERROR_THEN_CLOSED) {
            return after.outcome() == Outcome.CLOSED && !warnings.isEmpty() ? closedOnEarlyPing(warnings)
                    : Evidence.of(after.outcome(), "the node did not answer the early ping; " + after.observed());
        }
        return Evidence.of(after.outcome(), "the node did not answer the early ping; after our init, "
                + after.observed());
    }

    private static Evidence closedOnEarlyPing(List<String> warnings) {
        return warnings.isEmpty() ? Evidence.of(Outcome.CLOSED, "the node did not answer the early ping; "
                + "the node closed the connection")
                : Evidence.of(Outcome.ERROR_THEN_CLOSED, "the node did not answer the early ping; the node closed the"
                        + " connection after sending " + String.join(", ", warnings));
    }
}
