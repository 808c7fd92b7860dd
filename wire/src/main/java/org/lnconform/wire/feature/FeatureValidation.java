package org.lnconform.wire.feature;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lnconform.wire.Bytes;

/**
 * The receiver's checks on {@code init} feature bits (BOLT 1, The init Message; BOLT 9
 * Requirements), plus the sender rules a receiver can see. Dependencies on ASSUMED features
 * count as met: BOLT 9 says every node has them.
 */
public final class FeatureValidation {

    private static final int GLOBAL_FEATURES_MAX_BIT = 13;
    /**
     * Problems listed one by one per kind for unknown bits and globalfeatures bits above 13; the
     * rest are summed up in one more problem (bit -1). A 65531-byte feature field of 0xff has half
     * a million unknown bits: listing each would cost hundreds of megabytes per init.
     */
    public static final int MAX_LISTED_BITS = 16;

    private FeatureValidation() {
    }

    /** Checks the exact wire bytes, so non-minimal lengths (B1-INIT-06) are reported too. */
    public static FeatureValidationResult validateInit(Bytes globalFeatures, Bytes features, FeatureTable table) {
        FeatureValidationResult r = validateInit(
                FeatureVector.fromBytes(globalFeatures), FeatureVector.fromBytes(features), table);
        List<FeatureProblem> problems = new ArrayList<>(r.problems());
        checkMinimal("globalfeatures", globalFeatures, problems);
        checkMinimal("features", features, problems);
        return new FeatureValidationResult(r.combined(), problems);
    }

    public static FeatureValidationResult validateInit(FeatureVector globalFeatures, FeatureVector features,
            FeatureTable table) {
        // B1-INIT-12: the two bitmaps are OR-ed into one logical map before anything else.
        FeatureVector combined = globalFeatures.or(features);
        List<FeatureProblem> problems = new ArrayList<>();
        int unknownEven = 0;
        int unknownOdd = 0;
        int globalHigh = 0;
        // scan bit by bit: no per-bit allocation, whatever the field's size
        for (int bit = 0, top = combined.highestSetBit(); bit <= top; bit++) {
            if (!combined.isSet(bit)) {
                continue;
            }
            Optional<Feature> known = table.byBit(bit);
            if (known.isEmpty()) {
                boolean even = (bit & 1) == 0;
                int seen = even ? ++unknownEven : ++unknownOdd;
                if (seen <= MAX_LISTED_BITS) {
                    problems.add(new FeatureProblem(
                            even ? FeatureProblem.Kind.UNKNOWN_EVEN_BIT : FeatureProblem.Kind.UNKNOWN_ODD_BIT,
                            bit, Optional.empty(), "bit " + bit + " in " + where(bit, globalFeatures, features)
                                    + " is unassigned and " + (even ? "even (required)" : "odd (ignored)")));
                }
            }
            if (bit > GLOBAL_FEATURES_MAX_BIT && globalFeatures.isSet(bit) && ++globalHigh <= MAX_LISTED_BITS) {
                problems.add(new FeatureProblem(FeatureProblem.Kind.GLOBAL_BIT_ABOVE_13, bit, known,
                        "bit " + bit + " is in globalfeatures; bits above 13 belong in features"));
            }
        }
        summarize(FeatureProblem.Kind.UNKNOWN_EVEN_BIT, unknownEven, "unassigned even bits", problems);
        summarize(FeatureProblem.Kind.UNKNOWN_ODD_BIT, unknownOdd, "unassigned odd bits", problems);
        summarize(FeatureProblem.Kind.GLOBAL_BIT_ABOVE_13, globalHigh, "globalfeatures bits above 13", problems);
        for (Feature f : table.features()) {
            if (f.isOfferedIn(combined)) {
                checkKnown(f, combined, table, problems);
            }
        }
        return new FeatureValidationResult(combined, problems);
    }

    private static void summarize(FeatureProblem.Kind kind, int count, String what, List<FeatureProblem> out) {
        if (count > MAX_LISTED_BITS) {
            out.add(new FeatureProblem(kind, -1, Optional.empty(),
                    "and " + (count - MAX_LISTED_BITS) + " more " + what + " (" + count + " in all)"));
        }
    }

    private static void checkKnown(Feature f, FeatureVector combined, FeatureTable table, List<FeatureProblem> out) {
        int bit = combined.isSet(f.evenBit()) ? f.evenBit() : f.oddBit();
        Optional<Feature> self = Optional.of(f);
        if (combined.isSet(f.evenBit()) && combined.isSet(f.oddBit())) {
            out.add(new FeatureProblem(FeatureProblem.Kind.BOTH_BITS_SET, f.evenBit(), self,
                    f + " has both bits set; treated as required"));
        }
        if (!f.allowedInInit()) {
            boolean noContext = f.contexts().isEmpty();
            out.add(new FeatureProblem(
                    noContext ? FeatureProblem.Kind.NO_CONTEXT : FeatureProblem.Kind.NOT_IN_INIT_CONTEXT, bit, self,
                    noContext
                            ? f + (f.assumed() ? " is ASSUMED" : " has no context") + " and has no init context in BOLT 9;"
                                    + " nodes still send it, so this is only a note"
                            : f + " may appear only in " + f.contexts() + ", not in init"));
        }
        // B1-INIT-17, B9-ORIG-06: every known dependency, direct or transitive, must be set.
        List<Feature> direct = table.dependencies(f);
        for (Feature dep : table.transitiveDependencies(f)) {
            if (!dep.assumed() && !dep.isOfferedIn(combined)) {
                out.add(new FeatureProblem(FeatureProblem.Kind.MISSING_DEPENDENCY, bit, self,
                        f + " needs " + dep + (direct.contains(dep) ? "" : " (transitively)") + ", which is not set"));
            }
        }
    }

    private static void checkMinimal(String field, Bytes bytes, List<FeatureProblem> out) {
        if (!bytes.isEmpty() && bytes.get(0) == 0) {
            int minimal = FeatureVector.fromBytes(bytes).minimalLength();
            out.add(new FeatureProblem(FeatureProblem.Kind.NOT_MINIMAL_LENGTH, -1, Optional.empty(),
                    field + " is " + bytes.size() + " bytes; " + minimal + " would hold its bits"));
        }
    }

    private static String where(int bit, FeatureVector global, FeatureVector local) {
        boolean g = global.isSet(bit);
        boolean l = local.isSet(bit);
        return g && l ? "globalfeatures and features" : g ? "globalfeatures" : "features";
    }
}
