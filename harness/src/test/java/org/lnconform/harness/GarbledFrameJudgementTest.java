package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.run.Runner;

/**
 * A garbled frame is a BOLT 8 FAIL in every case (issue 10, item 5); the case's own requirement is
 * judged apart on what the node sent before it, and only when that settles it.
 */
class GarbledFrameJudgementTest {

    private static CaseInfo info(String id) {
        return Catalogue.all().stream().map(c -> c.info()).filter(i -> i.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void aGarbledFrameIsABolt8FailWhateverTheCase() {
        assertThat(Runner.judge(info("bolt01/init/received/unknown-odd-feature"), Outcome.GARBLED)).isEqualTo(Verdict.FAIL);
        assertThat(Runner.judge(info("bolt01/init/received/second-init"), Outcome.GARBLED)).isEqualTo(Verdict.FAIL);
    }

    @Test
    void aWarningBeforeTheFrameFailsAMustIgnoreCaseOnItsOwn() {
        String own = Runner.ownRequirement(info("bolt01/init/received/unknown-odd-feature"),
                Oracle.stillPossible(true, false));
        assertThat(own).contains("B1-INIT-14").contains("judged apart: FAIL").contains("WARNED_STAYED_UP");
    }

    @Test
    void anotherPongBeforeTheFrameFailsAMustIgnoreCaseOnItsOwn() {
        String own = Runner.ownRequirement(info("bolt01/init/received/unknown-odd-feature"),
                Oracle.stillPossible(false, true));
        assertThat(own).contains("judged apart: FAIL").contains("PROCEEDED");
    }

    @Test
    void nothingBeforeTheFrameLeavesTheOwnRequirementUnjudged() {
        assertThat(Oracle.stillPossible(false, false)).isEmpty();
        assertThat(Runner.ownRequirement(info("bolt01/init/received/unknown-odd-feature"), Set.of()))
                .contains("not judged");
    }

    @Test
    void outcomesThatDisagreeLeaveTheOwnRequirementUnjudged() {
        // second-init passes a warning then a close or staying up, but fails a zombie
        assertThat(Runner.ownRequirement(info("bolt01/init/received/second-init"), Oracle.stillPossible(true, false)))
                .contains("not judged");
    }
}
