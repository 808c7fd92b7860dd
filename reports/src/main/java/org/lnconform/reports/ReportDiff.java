package org.lnconform.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * The verdict changes between two runs ({@code report diff OLD NEW}), the gate an implementer's CI
 * puts on a baseline: a case that got worse (for example PASS to FAIL, or NON_STRICT to ERROR) is a
 * regression, and so is a case of the baseline that has no verdict in the new run (a run that
 * broke off must not pass the gate); cases that got better or are new are listed but pass.
 */
public final class ReportDiff {

    /** How a case changed. */
    public enum Kind { WORSE, BETTER, CHANGED, NEW, REMOVED }

    /** One case whose verdict differs; {@code before} or {@code after} is null when the case is in one run only. */
    public record Change(String id, Kind kind, Verdict before, Verdict after, String observed) {}

    private final List<Change> changes;

    private ReportDiff(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    public static ReportDiff between(RunReport before, RunReport after) {
        Map<String, CaseResult> old = byId(before);
        Map<String, CaseResult> now = byId(after);
        List<Change> changes = new ArrayList<>();
        now.forEach((id, r) -> {
            CaseResult o = old.get(id);
            if (o == null) {
                changes.add(new Change(id, Kind.NEW, null, r.verdict(), r.observed()));
            } else if (o.verdict() != r.verdict()) {
                int d = Integer.compare(rank(r.verdict()), rank(o.verdict()));
                changes.add(new Change(id, d > 0 ? Kind.WORSE : d < 0 ? Kind.BETTER : Kind.CHANGED, o.verdict(),
                        r.verdict(), r.observed()));
            }
        });
        old.forEach((id, o) -> {
            if (!now.containsKey(id)) {
                changes.add(new Change(id, Kind.REMOVED, o.verdict(), null, null));
            }
        });
        return new ReportDiff(changes);
    }

    /**
     * How bad a verdict is for the node: passing (PASS, INFO) &lt; UNSUPPORTED &lt; NON_STRICT &lt;
     * ERROR &lt; FAIL. ERROR sits below FAIL: it says the harness could not judge, not that a MUST broke.
     */
    static int rank(Verdict v) {
        if (v == null) {
            return 0;
        }
        return switch (v) {
            case PASS, INFO -> 0;
            case UNSUPPORTED -> 1;
            case NON_STRICT -> 2;
            case ERROR -> 3;
            case FAIL -> 4;
        };
    }

    private static Map<String, CaseResult> byId(RunReport run) {
        Map<String, CaseResult> m = new LinkedHashMap<>();
        run.results().forEach(r -> m.putIfAbsent(r.info().id(), r));
        return m;
    }

    public List<Change> changes() {
        return changes;
    }

    /** Whether any case got worse or lost its verdict. */
    public boolean regressed() {
        return changes.stream().anyMatch(c -> c.kind() == Kind.WORSE || c.kind() == Kind.REMOVED);
    }

    /** One line per change, worst first, then a count line. */
    public String render() {
        StringBuilder out = new StringBuilder();
        for (Kind k : Kind.values()) {
            for (Change c : changes) {
                if (c.kind() == k) {
                    out.append(String.format("%-8s %-62s %s -> %s%s%n", k, c.id(), c.before() == null ? "-" : c.before(),
                            c.after() == null ? "-" : c.after(),
                            k == Kind.WORSE && c.observed() != null ? "  (" + c.observed().replaceAll("\\s+", " ") + ")" : ""));
                }
            }
        }
        long worse = changes.stream().filter(c -> c.kind() == Kind.WORSE).count();
        long removed = changes.stream().filter(c -> c.kind() == Kind.REMOVED).count();
        out.append(changes.isEmpty() ? "no verdict changed" : changes.size() + " cases changed, " + worse + " got worse"
                + (removed > 0 ? ", " + removed + " have no verdict in the new run" : "")).append(System.lineSeparator());
        return out.toString();
    }
}
