package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.run.Keylog;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.UriTarget;
import org.lnconform.noise.Hex;

/** The runner's hard bounds against a real reference node: a case past its wall bound is ERROR once, and never again. */
class RunnerBoundsTest {

    @Test
    void aCasePastItsBoundIsErrorTimedOutAndNeverReportsAgain() throws Exception {
        // a case that keeps its connection busy well past a 1 s bound, then would PASS
        ConformanceCase slow = CaseBuilder.of("bolt01/test/slow").title("slow").requires("B1-PING-07").must()
                .allow(Outcome.CONFORMS).body(ctx -> {
                    ctx.ready();
                    long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                    while (System.nanoTime() < until) {
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            // a case that ignores interrupts: the bound must hold anyway
                        }
                    }
                    return Evidence.conforms("finished late");
                });
        Bounds oneSecond = new Bounds(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
        List<CaseResult> told = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        RunReport report;
        try (EmbeddedTarget t = EmbeddedTarget.start()) {
            report = new Runner(t, oneSecond, 1, Keylog.NONE, null, told::add).run(List.of(slow));
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Thread.sleep(3000); // the body finishes now; nothing more may be reported
        assertThat(report.results()).hasSize(1);
        CaseResult r = report.results().get(0);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.observed()).startsWith("timed out");
        assertThat(told).as("progress told exactly once").hasSize(1);
        assertThat(ms).as("the run ended at the case's bound, not when its body did").isLessThan(2900);
        assertThat(report.preflight().passed()).isTrue();
        assertThat(report.exitCode(false)).isEqualTo(3);
    }

    @Test
    void traceTimesCountFromTheStartOfTheCase() {
        RunReport report;
        try (EmbeddedTarget t = EmbeddedTarget.start()) {
            report = Runner.forTarget(t, 1, r -> {}).seed(7).run(org.lnconform.harness.cases.Catalogue.all().stream()
                    .filter(c -> c.info().id().startsWith("bolt01/ping/num-pong-bytes-")).toList());
        }
        assertThat(report.seed()).isEqualTo(7);
        // run one at a time, the later cases start seconds into the run; their traces still start near 0
        CaseResult last = report.results().get(report.results().size() - 1);
        assertThat(last.trace().get(0).atMs()).isLessThan(200);
    }

    @Test
    void aPublicKeyThatIsNotAPointIsRefusedBeforeAnyConnection() {
        String notAPoint = "04" + "11".repeat(32) + "@127.0.0.1:9735";
        assertThatThrownBy(() -> UriTarget.parseUri(notAPoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid compressed secp256k1 point");
        String offCurve = "02" + Hex.encode(new byte[31]) + "05@127.0.0.1:9735";
        assertThatThrownBy(() -> UriTarget.parseUri(offCurve)).isInstanceOf(IllegalArgumentException.class);
        assertThat(UriTarget.parseUri(validUri()).port()).isEqualTo(9735);
    }

    private static String validUri() {
        return Hex.encode(org.lnconform.noise.NodeKey.generate().publicKey()) + "@127.0.0.1:9735";
    }

    @Test
    void casesDeriveTheSameValuesFromTheSameSeed() {
        var a = new org.lnconform.harness.run.CaseRandom(1, "bolt01/x").channelId();
        var b = new org.lnconform.harness.run.CaseRandom(1, "bolt01/x").channelId();
        var c = new org.lnconform.harness.run.CaseRandom(2, "bolt01/x").channelId();
        assertThat(a).isEqualTo(b).isNotEqualTo(c);
        assertThat(Set.of(a, new org.lnconform.harness.run.CaseRandom(1, "bolt01/y").channelId())).hasSize(2);
    }
}
