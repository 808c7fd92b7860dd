package org.lnconform.harness.cases;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;

/**
 * Feature rules tried with bits the node knows: the compulsory (even) bit of a feature the node
 * itself offers as optional. Only unknown even bits may close the connection (01-messaging.md,
 * The init Message, receiving node: B1-INIT-13, B1-INIT-15; 09-features.md: B9-GEN-02, B9-RECV-01).
 */
public final class KnownFeatureCases {

    private KnownFeatureCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt09/init/received/known-compulsory-bit")
                        .title("The compulsory (even) bit of a feature the node offers as optional is accepted, for the"
                                + " lowest and the highest such feature, each on a connection of its own")
                        .requires("B1-INIT-13", "B1-INIT-15")
                        .must().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .expected("The init exchange completes and the node answers our follow-up ping: it supports"
                                + " the feature, so requiring it is no reason to close.")
                        .because("only unknown even bits require a close; a compulsory bit the node knows (it offers"
                                + " the feature itself) must be accepted: a close or a zombie fails, a warning is not forbidden")
                        .body(ctx -> eachKnownFeature(ctx, "its compulsory bit",
                                (v, f) -> v.clear(f.oddBit()).set(f.evenBit()))),
                CaseBuilder.of("bolt09/init/received/known-pair-both-bits")
                        .title("Both bits of a feature the node offers: treated as compulsory, and accepted")
                        .requires("B9-RECV-01", "B1-INIT-13")
                        .should().allow(Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP)
                        .expected("The node treats the feature as compulsory, which it supports, and the connection"
                                + " stays up.")
                        .because("both bits of a pair mean the feature is required (lower-case should); the node"
                                + " knows it, so nothing requires a close: a close is NON_STRICT, a zombie too")
                        .body(ctx -> eachKnownFeature(ctx, "both of its bits",
                                (v, f) -> v.set(f.oddBit()).set(f.evenBit()))));
    }

    /**
     * One connection per picked feature (the lowest and the highest the node offers as optional
     * only): our init sets {@code bits} of it, with its dependencies offered so that B1-INIT-17
     * gives no reason to close. The first connection that does not stay up decides.
     */
    private static Evidence eachKnownFeature(CaseContext ctx, String what,
            BiFunction<FeatureVector, Feature, FeatureVector> bits) throws CaseError, Unsupported {
        ProbeSession s = ctx.handshakeOk();
        Init nodeInit = ctx.readNodeInit(s);
        List<Feature> picked = lowestAndHighest(offeredAsOptional(nodeInit, ctx.features()));
        List<String> stayed = new ArrayList<>();
        Evidence last = null;
        for (int i = 0; i < picked.size(); i++) {
            if (i > 0) {
                s = ctx.handshakeOk();
                nodeInit = ctx.readNodeInit(s);
            }
            Feature f = picked.get(i);
            InitBuilder b = InitBuilder.compatibleWith(nodeInit, ctx.features());
            FeatureVector v = withDependencies(bits.apply(b.featureVector(), f), f, ctx.features());
            String which = f.name() + " (" + f.bits() + ", " + what + ")";
            s.sendPlaintext(b.features(v).build(), "init with " + which);
            last = ctx.oracle().followUp(s);
            if (last.outcome() != Outcome.STAYED_UP && last.outcome() != Outcome.WARNED_STAYED_UP) {
                return Evidence.of(last.outcome(), "init with " + which + ", a feature the node offers: "
                        + (stayed.isEmpty() ? "" : "(" + String.join(", ", stayed) + " was accepted) ") + last.observed());
            }
            stayed.add(f.name());
        }
        return Evidence.of(last.outcome(), "each of " + String.join(", ", stayed) + " with " + what
                + " set was accepted; last: " + last.observed());
    }

    /** Features in the table whose odd bit the node sets and whose even bit it does not. */
    static List<Feature> offeredAsOptional(Init nodeInit, FeatureTable table) throws Unsupported {
        FeatureVector theirs = nodeInit.combinedFeatures();
        List<Feature> out = new ArrayList<>();
        for (Feature f : table.features()) {
            if (theirs.isSet(f.oddBit()) && !theirs.isSet(f.evenBit())) {
                out.add(f);
            }
        }
        if (out.isEmpty()) {
            throw new Unsupported("the node's init offers no BOLT 9 feature as optional (odd bit only), so there is"
                    + " no known feature whose compulsory bit could be tried");
        }
        out.sort(java.util.Comparator.comparingInt(Feature::evenBit));
        return out;
    }

    private static List<Feature> lowestAndHighest(List<Feature> sorted) {
        Feature low = sorted.get(0);
        Feature high = sorted.get(sorted.size() - 1);
        return low.equals(high) ? List.of(low) : List.of(low, high);
    }

    /** Offers (odd bit) every non-ASSUMED transitive dependency of {@code f} not already set. */
    static FeatureVector withDependencies(FeatureVector v, Feature f, FeatureTable table) {
        for (Feature d : table.transitiveDependencies(f)) {
            if (!d.assumed() && !d.isOfferedIn(v)) {
                v = v.set(d.oddBit());
            }
        }
        return v;
    }
}
