package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.reports.JsonReport;
import org.lnconform.reports.Reports;

/**
 * The interop matrix: the whole catalogue against real nodes (and the embedded reference node as
 * a last column), each run's reports in {@code target/interop/<node>/}, the merged matrix (what
 * {@code lnconform report merge} writes) in {@code target/interop/matrix/index.html}. Each real
 * node's verdicts must equal its checked-in baseline ({@link Baseline}), one per implementation
 * and version, so two releases of one implementation are two columns and two baselines.
 *
 * <p>System properties (the module's pom passes them through): {@code lnconform.interop.nodes}
 * (the pom's list, {@code lnd,lnd-v0.21.3-beta,ldk,cln,eclair,reference}; a node is an implementation,
 * which runs its pinned image, or {@code <implementation>-<release>}, which runs that release's
 * image, see {@link TestImages}); {@code lnconform.interop.runs} (default 1): runs per node,
 * each against a freshly started node, failing on any verdict that differs between runs;
 * {@code lnconform.baseline.update=true} writes the baselines instead of checking them (only if
 * every run agreed); {@code lnconform.interop.parallel} (default 8); {@code lnconform.interop.cases}
 * (case id globs, comma-separated: run only those, and compare nothing with the baseline: for
 * investigating); {@code lnconform.interop.args.<node>} (extra node arguments, e.g.
 * {@code --debuglevel=debug} for lnd). Each node's output goes to {@code <name>/node-<run>.log}.
 */
@RequiresDocker(nodes = {"lnd", "lnd-v0.21.3-beta", "ldk", "cln", "eclair"}, nodesProperty = "lnconform.interop.nodes")
class InteropMatrixTest {

    private static final Path OUT = Path.of(System.getProperty("lnconform.interop.dir", "target/interop"));
    private static final Path BASELINES = Path.of(System.getProperty("lnconform.baseline.dir", "baseline"));
    private static final boolean UPDATE = Boolean.getBoolean("lnconform.baseline.update");
    private static final int RUNS = Integer.getInteger("lnconform.interop.runs", 1);
    private static final int PARALLEL = Integer.getInteger("lnconform.interop.parallel", 8);
    private static final List<String> NODES = nodes();

    private static final List<String> CASES = globs(System.getProperty("lnconform.interop.cases", ""));

    private static final List<Path> RUN_DIRS = new ArrayList<>();

    /** The matrix's nodes, in column order. */
    static List<String> nodes() {
        return globs(System.getProperty("lnconform.interop.nodes", "lnd,lnd-v0.21.3-beta,ldk,cln,eclair,reference"));
    }

    @TestFactory
    Stream<DynamicTest> wholeCatalogueAgainstEachNode() {
        return NODES.stream().map(n -> DynamicTest.dynamicTest(n, () -> interop(n)));
    }

    @AfterAll
    static void writeMatrix() {
        if (!RUN_DIRS.isEmpty()) {
            Reports.merge(RUN_DIRS, OUT.resolve("matrix"));
            System.out.println("interop: matrix " + OUT.resolve("matrix/index.html").toAbsolutePath().normalize());
        }
    }

    private static void interop(String node) {
        List<RunReport> runs = new ArrayList<>();
        for (int i = 1; i <= RUNS; i++) {
            RunReport report = runOnce(node, OUT.resolve(node).resolve("node-" + i + ".log"));
            runs.add(report);
            if (RUNS > 1) {
                JsonReport.write(report, OUT.resolve(node).resolve("run-" + i));
            }
            System.out.println(timing(node, i, report));
        }
        RunReport report = runs.get(0);
        Path dir = OUT.resolve(node);
        Reports.writeAll(report, dir, false, false);
        RUN_DIRS.add(dir);

        Path file = BASELINES.resolve(Baseline.fileName(report.target()));
        Baseline previous = Files.exists(file) ? Baseline.read(file) : null;
        Map<String, String> known = previous == null ? Map.of() : previous.unstable();
        // cases the baseline lists as unstable (node timing, cause written there) need not agree
        List<String> unstable = unstable(runs).stream().filter(u -> !known.containsKey(u.split("\n", 2)[0])).toList();
        assertThat(unstable).as("verdicts that differ between the " + RUNS + " runs against " + node
                + " (flaky: report them, do not baseline them)").isEmpty();
        if (node.equals("reference") || !CASES.isEmpty()) {
            return; // the harness module checks the reference node; a selection is for investigating
        }
        if (UPDATE) {
            Baseline.of(report, previous == null ? Map.of() : previous.notes(), known).write(file);
            System.out.println("interop: wrote baseline " + file.toAbsolutePath().normalize());
            return;
        }
        assertThat(Files.exists(file)).as("no baseline " + file + " for " + node + "; write one with "
                + "bash containers/baseline/regenerate.sh").isTrue();
        List<String> diff = previous.diff(report);
        assertThat(diff).as(node + " differs from its baseline " + file.getFileName() + " (" + diff.size()
                + " cases; if intended, regenerate: bash containers/baseline/regenerate.sh):\n"
                + String.join("\n", diff) + "\n").isEmpty();
    }

    private static RunReport runOnce(String node, Path log) {
        long t0 = System.nanoTime();
        try (Target target = start(node)) {
            long startupMs = (System.nanoTime() - t0) / 1_000_000;
            RunReport r = Runner.forTarget(target, PARALLEL, c -> {})
                    .run(Selection.select(Catalogue.all(), CASES, List.of()));
            if (target instanceof ContainerTarget c) {
                write(log, c.logs());
            }
            Map<String, String> described = new LinkedHashMap<>(r.target());
            described.putIfAbsent("startupMs", String.valueOf(startupMs));
            return new RunReport(described, r.startedAt(), r.durationMs(), r.results());
        }
    }

    private static Target start(String node) {
        Map<String, String> options = Map.of("image", TestImages.forNodeOrNone(node),
                "args", System.getProperty("lnconform.interop.args." + node, ""));
        return switch (TestImages.implementation(node)) {
            case "lnd" -> new NodeTargets.Lnd().start(options);
            case "ldk" -> new NodeTargets.Ldk().start(options);
            case "cln" -> new NodeTargets.Cln().start(options);
            case "eclair" -> new NodeTargets.Eclair().start(options);
            case "reference" -> EmbeddedTarget.start();
            default -> throw new IllegalArgumentException("unknown interop node " + node);
        };
    }

    private static List<String> globs(String csv) {
        return Stream.of(csv.split(",")).map(String::trim).filter(g -> !g.isEmpty()).collect(Collectors.toList());
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cases whose verdict was not the same in every run, with each run's verdict and observation. */
    static List<String> unstable(List<RunReport> runs) {
        List<String> out = new ArrayList<>();
        if (runs.size() < 2) {
            return out;
        }
        List<Map<String, CaseResult>> byId = runs.stream().map(r -> r.results().stream()
                .collect(Collectors.toMap(c -> c.info().id(), c -> c, (a, b) -> a, LinkedHashMap::new)))
                .collect(Collectors.toList());
        for (String id : byId.get(0).keySet()) {
            List<CaseResult> each = byId.stream().map(m -> m.get(id)).collect(Collectors.toList());
            if (each.stream().map(c -> c == null ? null : c.verdict()).distinct().count() > 1) {
                StringBuilder b = new StringBuilder(id);
                for (int i = 0; i < each.size(); i++) {
                    CaseResult c = each.get(i);
                    b.append("\n    run ").append(i + 1).append(": ")
                            .append(c == null ? "(missing)" : c.verdict() + " " + c.observed());
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static String timing(String node, int run, RunReport r) {
        Map<Verdict, Integer> s = r.summary();
        String counts = s.entrySet().stream().filter(e -> e.getValue() > 0)
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
        String slowest = r.results().stream().sorted(Comparator.comparingLong(CaseResult::durationMs).reversed())
                .limit(5).map(c -> c.info().id() + " " + c.durationMs() + " ms").collect(Collectors.joining("; "));
        return String.format("interop: %s run %d: start-up %.1f s, suite %.1f s (%d cases, parallel %d): %s%n"
                        + "interop: %s slowest: %s",
                node, run, Long.parseLong(r.target().getOrDefault("startupMs", "0")) / 1000.0, r.durationMs() / 1000.0,
                r.results().size(), PARALLEL, counts, node, slowest);
    }
}
