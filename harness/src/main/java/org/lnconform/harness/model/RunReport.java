package org.lnconform.harness.model;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole run: the target (implementation, version, URI, …), when it ran, and every case result
 * in catalogue order. What every report writer consumes.
 */
public record RunReport(Map<String, String> target, Instant startedAt, long durationMs, List<CaseResult> results) {

    public RunReport {
        target = new LinkedHashMap<>(target);
        results = List.copyOf(results);
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

    /** The target's display name (its {@code name} entry). */
    public String targetName() {
        return target.getOrDefault("name", "unknown");
    }
}
