package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

class ReportDiffTest {

    private static RunReport with(RunReport run, int index, Verdict verdict) {
        List<CaseResult> results = new ArrayList<>(run.results());
        CaseResult r = results.get(index);
        results.set(index, new CaseResult(r.info(), verdict, r.outcome(), r.expected(), r.observed(), r.durationMs(), r.trace()));
        return new RunReport(run.target(), run.startedAt(), run.durationMs(), results);
    }

    @Test
    void sameRunsHaveNoChanges() {
        ReportDiff d = ReportDiff.between(SampleRuns.run(), SampleRuns.run());
        assertThat(d.changes()).isEmpty();
        assertThat(d.regressed()).isFalse();
        assertThat(d.render()).contains("no verdict changed");
    }

    @Test
    void passToFailIsWorseAndFailToPassIsBetter() {
        RunReport base = SampleRuns.run();
        RunReport worse = with(base, 0, Verdict.FAIL);
        ReportDiff d = ReportDiff.between(base, worse);
        assertThat(d.regressed()).isTrue();
        assertThat(d.changes()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ReportDiff.Kind.WORSE);
            assertThat(c.before()).isEqualTo(Verdict.PASS);
            assertThat(c.after()).isEqualTo(Verdict.FAIL);
        });
        assertThat(ReportDiff.between(worse, base).regressed()).isFalse();
        assertThat(ReportDiff.between(worse, base).changes().get(0).kind()).isEqualTo(ReportDiff.Kind.BETTER);
    }

    @Test
    void errorIsWorseThanPassButBetterThanFail() {
        RunReport base = SampleRuns.run();
        assertThat(ReportDiff.between(base, with(base, 0, Verdict.ERROR)).regressed()).isTrue();
        // index 2 is the FAIL case
        assertThat(ReportDiff.between(base, with(base, 2, Verdict.ERROR)).regressed()).isFalse();
        assertThat(ReportDiff.between(base, with(base, 0, Verdict.INFO)).changes().get(0).kind())
                .isEqualTo(ReportDiff.Kind.CHANGED);
    }

    @Test
    void aCaseWithoutAVerdictInTheNewRunFailsTheGateAndANewCaseDoesNot() {
        RunReport base = SampleRuns.run();
        RunReport shorter = new RunReport(base.target(), base.startedAt(), 1, base.results().subList(0, 3));
        ReportDiff gone = ReportDiff.between(base, shorter);
        assertThat(gone.regressed()).isTrue();
        assertThat(gone.render()).contains("REMOVED").contains("4 have no verdict in the new run");
        ReportDiff added = ReportDiff.between(shorter, base);
        assertThat(added.regressed()).isFalse();
        assertThat(added.changes()).allSatisfy(c -> assertThat(c.kind()).isEqualTo(ReportDiff.Kind.NEW));
    }
}
