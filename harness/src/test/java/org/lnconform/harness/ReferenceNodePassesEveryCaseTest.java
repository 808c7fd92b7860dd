package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;

/** The whole catalogue against the embedded reference node, over real loopback sockets: every case passes. */
class ReferenceNodePassesEveryCaseTest {

    @Test
    void everyCasePassesAgainstTheReferenceNode() {
        RunReport report;
        try (EmbeddedTarget target = EmbeddedTarget.start()) {
            report = Runner.forTarget(target, 8, r -> {}).run(Catalogue.all());
        }
        List<String> notPassed = report.results().stream().filter(r -> r.verdict() != Verdict.PASS)
                .map(ReferenceNodePassesEveryCaseTest::line).collect(Collectors.toList());
        assertThat(notPassed).as("cases that did not pass").isEmpty();
        assertThat(report.results()).hasSize(Catalogue.all().size());
    }

    static String line(CaseResult r) {
        return r.info().id() + " " + r.verdict() + " outcome=" + r.outcome() + " observed=" + r.observed();
    }
}
