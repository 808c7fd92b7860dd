package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.peer.Deviation;

/**
 * The suite tested against itself: for every case, a reference node with the case's deviation
 * switched on must make that case fail (FAIL for a MUST, NON_STRICT for a SHOULD, INFO for a MAY).
 * A case nothing can make fail would be a defect. (That every case passes without deviations is
 * {@link ReferenceNodePassesEveryCaseTest}.)
 */
class EveryCaseCanFailTest {

    @TestFactory
    Stream<DynamicTest> everyCaseFailsUnderItsDeviation() throws Exception {
        List<ConformanceCase> cases = Catalogue.all();
        Map<String, CaseResult> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> fs = cases.stream().map(c -> pool.submit(() -> {
                Deviation d = Deviation.valueOf(c.info().failsUnderDeviation());
                try (EmbeddedTarget t = EmbeddedTarget.start(java.util.Set.of(d))) {
                    CaseResult r = Runner.forTarget(t, 1, x -> {}).run(List.of(c)).results().get(0);
                    results.put(c.info().id(), r);
                }
            })).collect(Collectors.toList());
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return cases.stream().map(c -> dynamicTest(c.info().id() + " fails under " + c.info().failsUnderDeviation(),
                () -> {
                    CaseResult r = results.get(c.info().id());
                    Verdict expected = c.info().level() == Level.MUST ? Verdict.FAIL
                            : c.info().level() == Level.SHOULD ? Verdict.NON_STRICT : Verdict.INFO;
                    assertThat(r.verdict()).as(ReferenceNodePassesEveryCaseTest.line(r)).isEqualTo(expected);
                }));
    }
}
