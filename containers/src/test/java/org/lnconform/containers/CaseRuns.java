package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.Target;

/** A few catalogue cases against a target, by id, for the per-node tests. */
final class CaseRuns {

    private CaseRuns() {}

    static Map<String, CaseResult> run(Target target, String... ids) {
        RunReport report = Runner.forTarget(target, 4, r -> {})
                .run(Selection.select(Catalogue.all(), List.of(ids), List.of()));
        return report.results().stream().collect(Collectors.toMap(r -> r.info().id(), Function.identity()));
    }

    /** Runs the cases {@code ids} against {@code target} and asserts that every one of them ran and passed. */
    static void assertAllPass(Target target, String... ids) {
        Map<String, CaseResult> r = run(target, ids);
        assertThat(r).hasSize(ids.length);
        r.values().forEach(c -> assertThat(passed(c)).as(explain(c)).isTrue());
    }

    static String explain(CaseResult r) {
        return r.info().id() + " " + r.verdict() + " outcome=" + r.outcome() + " observed=" + r.observed();
    }

    static boolean passed(CaseResult r) {
        return r.verdict() == Verdict.PASS;
    }
}
