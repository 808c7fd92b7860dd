package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * Cases that run alone (the BOLT 7 sender cases: the node picks one peer to sync with) run after
 * every other case has ended, one at a time, each after the settle pause, against a real reference
 * node; the report keeps the catalogue's order.
 */
class RunnerAloneTest {

    private final Map<String, long[]> spans = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final List<Integer> openWhenAloneStarted = new java.util.concurrent.CopyOnWriteArrayList<>();

    private ConformanceCase timed(String id, boolean alone) {
        CaseBuilder b = CaseBuilder.of(id).title(id).requires("B1-PING-07").must().allow(Outcome.CONFORMS);
        if (alone) {
            b.alone();
        }
        return b.body(ctx -> {
            long start = System.nanoTime();
            if (alone) {
                openWhenAloneStarted.add(open.get());
            }
            open.incrementAndGet();
            try {
                ctx.ready();
                Thread.sleep(300);
            } finally {
                open.decrementAndGet();
            }
            spans.put(id, new long[] {start, System.nanoTime()});
            return Evidence.conforms("ran");
        });
    }

    @Test
    void aloneCasesRunAfterTheOthersOneAtATimeAfterTheSettlePause() {
        List<ConformanceCase> cases = new ArrayList<>();
        cases.add(timed("bolt01/test/alone-1", true));
        for (int i = 0; i < 6; i++) {
            cases.add(timed("bolt01/test/shared-" + i, false));
        }
        cases.add(timed("bolt01/test/alone-2", true));
        cases.add(timed("bolt01/test/shared-6", false));
        RunReport report;
        try (EmbeddedTarget t = EmbeddedTarget.start()) {
            report = new Runner(t, Bounds.defaults(), 4, Keylog.NONE, null, r -> {}).run(cases);
        }
        assertThat(report.results()).extracting(CaseResult::verdict).containsOnly(Verdict.PASS);
        assertThat(report.results()).extracting(r -> r.info().id())
                .as("the report keeps the given order").containsExactlyElementsOf(cases.stream().map(c -> c.info().id()).toList());
        long lastSharedEnd = spans.entrySet().stream().filter(e -> e.getKey().contains("shared"))
                .mapToLong(e -> e.getValue()[1]).max().orElseThrow();
        long[] one = spans.get("bolt01/test/alone-1");
        long[] two = spans.get("bolt01/test/alone-2");
        long settle = Bounds.defaults().settle().toNanos();
        assertThat(one[0]).as("alone-1 starts a settle pause after the last shared case").isGreaterThanOrEqualTo(lastSharedEnd + settle);
        assertThat(two[0]).as("alone-2 starts a settle pause after alone-1").isGreaterThanOrEqualTo(one[1] + settle);
        assertThat(openWhenAloneStarted).as("no other case was running when an alone case started").containsOnly(0);
    }

    @Test
    void theRunBoundCountsEachAloneCaseAsARoundOfItsOwn() {
        Bounds b = Bounds.defaults();
        long round = b.caseTotal().plus(b.connect()).toMillis();
        assertThat(b.runBound(10, 2, 8).toMillis()).isEqualTo(b.preflightBound().toMillis() + round
                + 2 * (round + b.settle().toMillis()));
        assertThat(b.runBound(10, 8).toMillis()).isEqualTo(b.runBound(10, 0, 8).toMillis());
    }
}
