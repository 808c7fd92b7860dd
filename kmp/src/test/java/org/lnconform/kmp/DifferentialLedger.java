package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lnconform.noise.Hex;
import org.lnconform.wire.message.MessageRegistry;

/**
 * Feeds inputs to both decoders and keeps the books: agreements, disagreements explained by a
 * {@link KnownDisagreement}, and unexplained ones, which fail the test with their hex.
 *
 * <p>Scope: a type lightning-kmp decodes but BOLT 1 (and so our registry) does not define is a
 * channel or Phoenix message outside this suite; it is counted and skipped. A type only we
 * know (peer storage, BOLT 2's v1 open_channel and accept_channel) must decode as an unknown
 * message in lightning-kmp.
 */
final class DifferentialLedger {

    private static final boolean[] KMP_KNOWN = new boolean[65536];

    static {
        for (int t = 0; t < 65536; t++) {
            KMP_KNOWN[t] = KmpCodec.isKnownType(t);
        }
    }

    /** One input the two decoders disagree on. */
    record Disagreement(byte[] input, Verdict ours, Verdict kmp) {
        @Override
        public String toString() {
            return "input " + Hex.encode(input) + "\n    ours: " + ours + "\n    kmp:  " + kmp;
        }
    }

    private final String name;
    private int agreed;
    private int bothAccepted;
    private int outOfScope;
    private int oursOnlyType;
    private final Map<KnownDisagreement, Integer> explained = new EnumMap<>(KnownDisagreement.class);
    private final Map<KnownDisagreement, Disagreement> firstExample = new EnumMap<>(KnownDisagreement.class);
    private final List<Disagreement> unexplained = new ArrayList<>();

    DifferentialLedger(String name) {
        this.name = name;
    }

    void feed(byte[] input) {
        int type = input.length >= 2 ? TlvScan.u16(input, 0) : -1;
        boolean oursKnows = type >= 0 && MessageRegistry.standard().isKnown(type);
        boolean kmpKnows = type >= 0 && KMP_KNOWN[type];
        if (kmpKnows && !oursKnows) {
            outOfScope++;
            return;
        }
        Verdict kmp = Verdict.kmp(input);
        if (oursKnows && !kmpKnows) {
            assertThat(kmp.message()).as("kmp on %s", Hex.encode(input)).isEqualTo("unknown " + type);
            oursOnlyType++;
            return;
        }
        Verdict ours = Verdict.ours(input);
        if (ours.agreesWith(kmp)) {
            agreed++;
            bothAccepted += ours.accepted() ? 1 : 0;
            return;
        }
        Disagreement d = new Disagreement(input, ours, kmp);
        Optional<KnownDisagreement> why = KnownDisagreement.classify(input, ours, kmp);
        if (why.isPresent()) {
            explained.merge(why.get(), 1, Integer::sum);
            firstExample.putIfAbsent(why.get(), d);
        } else {
            unexplained.add(d);
        }
    }

    Set<KnownDisagreement> explainedKinds() {
        return explained.keySet();
    }

    int agreed() {
        return agreed;
    }

    /** One paragraph for the test's output: counts and one example per explained kind. */
    String summary() {
        StringBuilder s = new StringBuilder(name).append(": ").append(agreed).append(" agreed (")
                .append(bothAccepted).append(" accepted by both), ")
                .append(outOfScope).append(" out of scope (types only lightning-kmp defines), ")
                .append(oursOnlyType).append(" inputs of types only we decode (peer storage, v1 open/accept), ")
                .append(unexplained.size()).append(" unexplained; ").append(Seeds.describe());
        explained.forEach((k, n) -> s.append("\n  ").append(k).append(": ").append(n)
                .append("\n    e.g. ").append(firstExample.get(k)));
        return s.toString();
    }

    /** Fails, listing up to 25 of them, if any disagreement has no write-up. */
    void assertAllExplained() {
        System.out.println(summary());
        StringBuilder s = new StringBuilder();
        unexplained.stream().limit(25).forEach(d -> s.append("\n  ").append(d));
        assertThat(unexplained)
                .as("%d disagreement(s) no entry of kmp/FINDINGS.md explains (%s):%s", unexplained.size(),
                        Seeds.describe(), s)
                .isEmpty();
    }
}
