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
 * The suite tested against itself: for every case, a reference node with each of the case's
 * deviations ({@link SelfTestDeviations}) switched on must make that case fail (FAIL for a MUST, NON_STRICT for a SHOULD, INFO for a MAY).
 * A case nothing can make fail would be a defect. (That every case passes without deviations is
 * {@link ReferenceNodePassesEveryCaseTest}.)
 */
class EveryCaseCanFailTest {

    /** One case against a node with one deviation. */
    private record Pair(ConformanceCase c, Deviation d) {
        String name() {
            return c.info().id() + " fails under " + d.name();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyCaseFailsUnderItsDeviations() throws Exception {
        List<Pair> pairs = Catalogue.all().stream()
                .flatMap(c -> SelfTestDeviations.BY_CASE.getOrDefault(c.info().id(), List.of()).stream()
                        .map(d -> new Pair(c, d)))
                .toList();
        Map<String, CaseResult> results = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        try {
            List<Future<?>> fs = pairs.stream().map(p -> pool.submit(() -> {
                try (EmbeddedTarget t = EmbeddedTarget.start(java.util.Set.of(p.d()))) {
                    // no preflight: some deviations break the very exchange a preflight makes
                    CaseResult r = Runner.forTarget(t, 1, x -> {}).preflight(false).run(List.of(p.c())).results().get(0);
                    results.put(p.name(), r);
                }
            })).collect(Collectors.toList());
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return pairs.stream().map(p -> dynamicTest(p.name(), () -> {
            CaseResult r = results.get(p.name());
            Verdict expected = p.c().info().level() == Level.MUST ? Verdict.FAIL
                    : p.c().info().level() == Level.SHOULD ? Verdict.NON_STRICT : Verdict.INFO;
            assertThat(r.verdict()).as(ReferenceNodePassesEveryCaseTest.line(r)).isEqualTo(expected);
        }));
    }
}
