package org.lnconform.cli;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.TraceEvent;
import org.lnconform.harness.model.Verdict;

/**
 * The console view of a run: a live progress line on a terminal, a line per case as it finishes,
 * then the failures (requirement, expected, observed) and a closing {@code N passed, N failed} line.
 */
final class ConsoleReporter {

    private final PrintStream out;
    private final int total;
    private final int verbosity;
    private final boolean terminal;
    private final AtomicInteger done = new AtomicInteger();

    ConsoleReporter(PrintStream out, int total, int verbosity, boolean terminal) {
        this.out = out;
        this.total = total;
        this.verbosity = verbosity;
        this.terminal = terminal;
    }

    synchronized void onResult(CaseResult r) {
        int n = done.incrementAndGet();
        if (terminal) {
            out.print("\r\033[K");
        }
        out.printf("%-10s %-62s %6d ms%n", r.verdict(), r.info().id(), r.durationMs());
        if (verbosity >= 1 && r.verdict() != Verdict.PASS) {
            out.println("           observed: " + r.observed());
        }
        if (verbosity >= 2) {
            for (TraceEvent e : r.trace()) {
                out.println("           " + traceLine(e, verbosity >= 3));
            }
        }
        if (terminal && n < total) {
            out.printf("[%d/%d] running…", n, total);
        }
        out.flush();
    }

    static String traceLine(TraceEvent e, boolean hex) {
        String arrow = switch (e.direction()) {
            case SENT -> "lnconform -> node";
            case RECEIVED -> "lnconform <- node";
            case EVENT -> "        --        ";
        };
        return String.format("%6d ms %s %-8s %5s %s%s", e.atMs(), arrow, e.kind(),
                e.size() > 0 ? e.size() + "B" : "", e.summary(), hex && !e.hex().isEmpty() ? " [" + e.hex() + "]" : "");
    }

    void summary(RunReport report, boolean strict) {
        if (terminal) {
            out.print("\r\033[K");
        }
        var failures = report.results().stream()
                .filter(r -> r.verdict() == Verdict.FAIL || r.verdict() == Verdict.ERROR
                        || (strict && r.verdict() == Verdict.NON_STRICT))
                .collect(Collectors.toList());
        if (!failures.isEmpty()) {
            out.println();
            out.println("Failures:");
            for (CaseResult r : failures) {
                out.println();
                out.println("  " + r.verdict() + "  " + r.info().id() + " — " + r.info().title());
                out.println("    requirement: " + String.join(", ", r.info().requirements()) + " (" + r.info().level() + ")");
                out.println("    expected:    " + r.expected());
                out.println("    observed:    " + r.observed());
            }
        }
        Map<Verdict, Integer> s = report.summary();
        out.println();
        out.printf("target %s: %d cases in %.1f s — non-strict %d, info %d, unsupported %d, error %d%n",
                report.targetName(), report.results().size(), report.durationMs() / 1000.0, s.get(Verdict.NON_STRICT),
                s.get(Verdict.INFO), s.get(Verdict.UNSUPPORTED), s.get(Verdict.ERROR));
        int failed = s.get(Verdict.FAIL) + (strict ? s.get(Verdict.NON_STRICT) : 0);
        out.println(s.get(Verdict.PASS) + " passed, " + failed + " failed");
        out.flush();
    }
}
