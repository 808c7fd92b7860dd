package org.lnconform.tck;

import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.harness.target.UriTarget;
import org.lnconform.peer.NodeUri;
import org.lnconform.reports.Reports;

/**
 * The conformance suite as JUnit 5 tests, like a TCK: add {@code org.lnconform:lnconform-tck} as a
 * test dependency, list it in Surefire's {@code dependenciesToScan}, and set the system property
 * {@code lnconform.target=<pubkey>@host:port}. Optional: {@code lnconform.cases} and
 * {@code lnconform.exclude} (comma-separated id globs), {@code lnconform.strict=true},
 * {@code lnconform.reports=DIR}. Without a target it runs against the embedded reference node.
 *
 * <p>Each case becomes one test named by its id: FAIL fails it (with requirement, expected and
 * observed), ERROR fails it too, UNSUPPORTED skips it with the reason, NON_STRICT fails only
 * under strict.
 */
public class LightningConformanceTest {

    @TestFactory
    Stream<DynamicNode> lightningConformance() {
        List<ConformanceCase> cases = Selection.select(Catalogue.all(), list("lnconform.cases"), list("lnconform.exclude"));
        boolean strict = Boolean.getBoolean("lnconform.strict");
        String uri = System.getProperty("lnconform.target", "").trim();
        RunReport report;
        try (Target target = uri.isEmpty() ? EmbeddedTarget.start() : new UriTarget(NodeUri.parse(uri), "target")) {
            report = Runner.forTarget(target, Integer.getInteger("lnconform.parallel", 8), r -> {}).run(cases);
        }
        String reports = System.getProperty("lnconform.reports", "");
        if (!reports.isEmpty()) {
            Reports.writeAll(report, Path.of(reports), strict);
        }
        RunReport done = report;
        Map<String, CaseResult> byId = report.results().stream()
                .collect(Collectors.toMap(r -> r.info().id(), Function.identity()));
        Map<String, List<ConformanceCase>> bySection = cases.stream()
                .collect(Collectors.groupingBy(c -> c.info().section(), java.util.LinkedHashMap::new, Collectors.toList()));
        return bySection.entrySet().stream().map(e -> dynamicContainer(e.getKey(),
                e.getValue().stream().map(c -> dynamicTest(c.info().id(), () -> {
                    CaseResult r = byId.get(c.info().id());
                    if (r == null) {
                        // the harness's preflight (one plain handshake and init) failed: no case ran
                        Assertions.fail("not run: " + (done.preflightFailed()
                                ? "the preflight failed: " + done.preflight().reason() : "no result"));
                    }
                    check(r, strict);
                }))));
    }

    static void check(CaseResult r, boolean strict) {
        String detail = r.info().title() + "\n  requirement: " + String.join(", ", r.info().requirements()) + " ("
                + r.info().level() + ")\n  expected: " + r.expected() + "\n  observed: " + r.observed();
        switch (r.verdict()) {
            case PASS, INFO -> { }
            case UNSUPPORTED -> Assumptions.abort("unsupported: " + r.observed());
            case NON_STRICT -> {
                if (strict) {
                    Assertions.fail("SHOULD broken: " + detail);
                }
            }
            case FAIL -> Assertions.fail("MUST broken: " + detail);
            case ERROR -> Assertions.fail("harness or infrastructure error: " + detail);
            default -> throw new IllegalStateException(String.valueOf(r.verdict()));
        }
    }

    private static List<String> list(String property) {
        String v = System.getProperty(property, "").trim();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).collect(Collectors.toList());
    }

}
