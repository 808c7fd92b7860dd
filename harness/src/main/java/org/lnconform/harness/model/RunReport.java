package org.lnconform.harness.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: the target (implementation, version, URI, …), when it ran, every case result in
 * catalogue order, the seed every case derived its values from (so the run can be repeated), and
 * the preflight (null if none was made). What every report writer consumes.
 */
public record RunReport(Map<String, String> target, Instant startedAt, long durationMs, List<CaseResult> results,
        long seed, Preflight preflight) {

    public RunReport {
        target = new LinkedHashMap<>(target);
        results = List.copyOf(results);
    }

    /** A run without a recorded seed or preflight. */
    public RunReport(Map<String, String> target, Instant startedAt, long durationMs, List<CaseResult> results) {
        this(target, startedAt, durationMs, results, 0, null);
    }

    /** Count per verdict (every verdict present, zero if none). */
    public Map<Verdict, Integer> summary() {
        Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            m.put(v, 0);
        }
        for (CaseResult r : results) {
            m.merge(r.verdict(), 1, Integer::sum);
        }
        return m;
    }

    /** True if a preflight was made and failed: then no case ran. */
    public boolean preflightFailed() {
        return preflight != null && !preflight.passed();
    }

    /**
     * The process exit code for this run: 1 if a case FAILed (with {@code strict}, also
     * NON_STRICT); else 3 if the preflight failed or a case is ERROR; else 0.
     */
    public int exitCode(boolean strict) {
        Map<Verdict, Integer> s = summary();
        if (s.get(Verdict.FAIL) > 0 || (strict && s.get(Verdict.NON_STRICT) > 0)) {
            return 1;
        }
        return preflightFailed() || s.get(Verdict.ERROR) > 0 ? 3 : 0;
    }

    /** The target's display name (its {@code name} entry). */
    public String targetName() {
        return target.getOrDefault("name", "unknown");
    }
}
