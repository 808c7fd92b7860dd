package org.lnconform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import java.net.ServerSocket;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.Deviation;
import org.opentest4j.AssertionFailedError;

/** The engine as a build tool sees it: tests named by case id, and each verdict the right JUnit result. */
class ConformanceEngineTest {

    @AfterEach
    void clearProperties() {
        for (String p : List.of("lnconform.target", "lnconform.cases", "lnconform.exclude", "lnconform.strict")) {
            System.clearProperty(p);
        }
    }

    private static EngineExecutionResults run(String cases) {
        System.setProperty("lnconform.cases", cases);
        return EngineTestKit.engine(ConformanceEngine.ID).selectors(selectClass(LightningConformanceTest.class)).execute();
    }

    @Test
    void eachCaseIsATestNamedByItsId() {
        EngineExecutionResults results = run("bolt01/ping/*");
        List<Event> finished = results.testEvents().finished().list();
        assertThat(finished).isNotEmpty();
        for (Event e : finished) {
            String id = e.getTestDescriptor().getUniqueId().getLastSegment().getValue();
            assertThat(e.getTestDescriptor().getDisplayName()).isEqualTo(id).startsWith("bolt01/ping/");
            assertThat(e.getTestDescriptor().getLegacyReportingName()).isEqualTo(id);
        }
        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(finished.size()));
    }

    @Test
    void aBrokenMustIsAFailureCarryingIdRequirementAndObserved() {
        try (EmbeddedTarget node = EmbeddedTarget.start(EnumSet.of(Deviation.parse("answer-oversize-ping")))) {
            System.setProperty("lnconform.target", node.uri().toString());
            EngineExecutionResults results = run("bolt01/ping/num-pong-bytes-65532-ignored");
            List<Event> failed = results.testEvents().failed().list();
            assertThat(failed).hasSize(1);
            Throwable t = failed.get(0).getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow();
            assertThat(t).isInstanceOf(AssertionFailedError.class)
                    .hasMessageContaining("bolt01/ping/num-pong-bytes-65532-ignored")
                    .hasMessageContaining("B1-PING-08").hasMessageContaining("observed: ");
        }
    }

    @Test
    void anUnreachableTargetGivesErrorsNotFailures() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        System.setProperty("lnconform.target", NodeKey.generate().publicKeyHex() + "@127.0.0.1:" + port);
        EngineExecutionResults results = run("bolt01/ping/num-pong-bytes-0-answered,bolt08/act1/*");
        List<Event> failed = results.testEvents().failed().list();
        assertThat(failed).isNotEmpty();
        assertThat(failed).allSatisfy(e -> assertThat(
                e.getPayload(TestExecutionResult.class).orElseThrow().getThrowable().orElseThrow())
                .isInstanceOf(ConformanceError.class).isNotInstanceOf(AssertionError.class)
                .hasMessageContaining("preflight failed"));
    }

    @Test
    void unsupportedIsSkippedWithItsReasonAndNonStrictFailsOnlyWhenStrict() {
        CaseInfo info = new CaseInfo("bolt01/x/y", "t", List.of("B1-X-01"), Level.SHOULD, Side.RESPONDER,
                Set.of(Outcome.CLOSED), Set.of(), null);
        CaseResult unsupported = new CaseResult(info, Verdict.UNSUPPORTED, null, "e", "the node does not offer bit 7", 1, List.of());
        assertThat(VerdictMapping.skipReason(unsupported)).contains("UNSUPPORTED bolt01/x/y: the node does not offer bit 7");
        CaseResult nonStrict = new CaseResult(info, Verdict.NON_STRICT, Outcome.CLOSED, "e", "o", 1, List.of());
        assertThat(VerdictMapping.result(nonStrict, false).getStatus()).isEqualTo(TestExecutionResult.Status.SUCCESSFUL);
        assertThat(VerdictMapping.result(nonStrict, true).getThrowable()).get().isInstanceOf(AssertionFailedError.class);
        Map<Verdict, TestExecutionResult.Status> statuses = EnumSet.of(Verdict.PASS, Verdict.INFO, Verdict.FAIL, Verdict.ERROR)
                .stream().collect(Collectors.toMap(v -> v, v -> VerdictMapping.result(
                        new CaseResult(info, v, Outcome.CLOSED, "e", "o", 1, List.of()), false).getStatus()));
        assertThat(statuses).containsEntry(Verdict.PASS, TestExecutionResult.Status.SUCCESSFUL)
                .containsEntry(Verdict.INFO, TestExecutionResult.Status.SUCCESSFUL)
                .containsEntry(Verdict.FAIL, TestExecutionResult.Status.FAILED)
                .containsEntry(Verdict.ERROR, TestExecutionResult.Status.FAILED);
    }

    @Test
    void anIdeCanRerunOneCaseByItsUniqueId() {
        org.junit.platform.engine.UniqueId id = org.junit.platform.engine.UniqueId.forEngine(ConformanceEngine.ID)
                .append("class", LightningConformanceTest.class.getName())
                .append("case", "bolt01/ping/num-pong-bytes-0-answered");
        EngineExecutionResults results = EngineTestKit.engine(ConformanceEngine.ID).selectors(selectUniqueId(id)).execute();
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
    }
}
