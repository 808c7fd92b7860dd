package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.Feature;
import org.lnconform.wire.feature.FeatureProblem;
import org.lnconform.wire.feature.FeatureProblem.Kind;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureValidation;
import org.lnconform.wire.feature.FeatureValidationResult;
import org.lnconform.wire.feature.FeatureVector;

/**
 * The {@code init} feature checks (BOLT 1 and 9) on arbitrary {@code globalfeatures} and
 * {@code features}: they never throw, and every kind of finding appears exactly where a direct
 * reading of the rules puts it, e.g. UNKNOWN_EVEN_BIT for exactly the set even bits the BOLT 9
 * table does not assign. The input is laid out as an {@code init} payload: {@code gflen},
 * {@code globalfeatures}, {@code flen}, {@code features} (short fields are cut at the end).
 */
class FeatureValidationFuzzTest {

    private static final FeatureTable TABLE = FeatureTable.bolt9();

    @FuzzTest
    void initFeatures(byte[] input) {
        FuzzInput in = new FuzzInput(input);
        Bytes global = Bytes.of(in.bytes(in.u16()));
        Bytes local = Bytes.of(in.bytes(in.u16()));
        FeatureVector g = FeatureVector.fromBytes(global);
        FeatureVector f = FeatureVector.fromBytes(local);
        FeatureVector combined = g.or(f);

        FeatureValidationResult r = FeatureValidation.validateInit(global, local, TABLE);

        assertThat(r.combined()).isEqualTo(combined);
        assertListed(r, Kind.UNKNOWN_EVEN_BIT, unassigned(combined, 0));
        assertListed(r, Kind.UNKNOWN_ODD_BIT, unassigned(combined, 1));
        assertListed(r, Kind.GLOBAL_BIT_ABOVE_13,
                g.bits().stream().filter(b -> b > 13).collect(Collectors.toCollection(TreeSet::new)));
        assertThat(features(r, Kind.BOTH_BITS_SET)).isEqualTo(bothBitsSet(combined));
        assertThat(features(r, Kind.NOT_IN_INIT_CONTEXT, Kind.NO_CONTEXT)).isEqualTo(notForInit(combined));
        assertThat(r.problems(Kind.MISSING_DEPENDENCY)).hasSize(missingDependencies(combined));
        assertThat(r.problems(Kind.NOT_MINIMAL_LENGTH)).hasSize(leadingZero(global) + leadingZero(local));
        assertThat(r.mustClose()).isEqualTo(!r.problems(Kind.UNKNOWN_EVEN_BIT).isEmpty()
                || !r.problems(Kind.MISSING_DEPENDENCY).isEmpty());

        // The vector encodes back to the same bytes at the same length, and minimally without padding.
        assertThat(f.toBytes(local.size())).isEqualTo(local);
        assertThat(FeatureVector.fromBytes(f.toBytes())).isEqualTo(f);
        assertThat(f.toBytes().size()).isEqualTo(f.minimalLength());
    }

    /** The first MAX_LISTED_BITS expected bits one by one, then one summary problem (bit -1) if there are more. */
    private static void assertListed(FeatureValidationResult r, Kind kind, Set<Integer> expected) {
        int cap = FeatureValidation.MAX_LISTED_BITS;
        Set<Integer> listed = new TreeSet<>(expected.stream().limit(cap).collect(Collectors.toList()));
        if (expected.size() > cap) {
            listed.add(-1);
        }
        assertThat(bits(r, kind)).isEqualTo(listed);
        assertThat(r.problems(kind)).hasSize(listed.size());
    }

    private static Set<Integer> bits(FeatureValidationResult r, Kind kind) {
        return r.problems(kind).stream().map(FeatureProblem::bit).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> features(FeatureValidationResult r, Kind... kinds) {
        Set<String> out = new TreeSet<>();
        for (Kind k : kinds) {
            r.problems(k).forEach(p -> out.add(p.feature().orElseThrow().name()));
        }
        return out;
    }

    /** Set bits of the given parity that no BOLT 9 row owns. */
    private static Set<Integer> unassigned(FeatureVector v, int parity) {
        Set<Integer> owned = new HashSet<>();
        TABLE.features().forEach(x -> {
            owned.add(x.evenBit());
            owned.add(x.oddBit());
        });
        return v.bits().stream().filter(b -> (b & 1) == parity && !owned.contains(b))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> bothBitsSet(FeatureVector v) {
        return TABLE.features().stream().filter(x -> v.isSet(x.evenBit()) && v.isSet(x.oddBit()))
                .map(Feature::name).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> notForInit(FeatureVector v) {
        return TABLE.features().stream().filter(x -> x.isOfferedIn(v) && !x.allowedInInit())
                .map(Feature::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** For every offered feature, its direct and indirect dependencies that are neither offered nor ASSUMED. */
    private static int missingDependencies(FeatureVector v) {
        int missing = 0;
        for (Feature x : TABLE.features()) {
            if (!x.isOfferedIn(v)) {
                continue;
            }
            Set<String> seen = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>(x.dependsOn());
            while (!todo.isEmpty()) {
                String name = todo.pop();
                if (!seen.add(name)) {
                    continue;
                }
                Feature dep = TABLE.byName(name).orElseThrow();
                todo.addAll(dep.dependsOn());
                if (!dep.assumed() && !dep.isOfferedIn(v)) {
                    missing++;
                }
            }
        }
        return missing;
    }

    private static int leadingZero(Bytes b) {
        return !b.isEmpty() && b.get(0) == 0 ? 1 : 0;
    }
}
