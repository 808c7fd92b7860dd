package org.lnconform.harness.hostile;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Keylog;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.harness.target.UriTarget;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;

/**
 * The hostile-node suite, run in a JVM of its own (started by {@link HostileNodeTest} with a
 * 512 MiB heap): for each scenario, the catalogue against a hostile loopback server, one line of
 * results on stdout: {@code RESULT name key=value …}.
 */
public final class HostileSuite {

    /** Bounds scale of the suite: the stated bounds at a fifth, so the suite stays quick. */
    static final double SCALE = 0.2;
    static final int PARALLEL = 8;

    public static void main(String[] args) throws Exception {
        for (String name : args) {
            System.out.println(run(name));
            System.out.flush();
        }
    }

    static String run(String scenario) throws Exception {
        List<ConformanceCase> cases = Catalogue.all();
        if (scenario.equals("WARN_ON_EVERYTHING")) {
            cases = Selection.select(cases, List.of("bolt01/ping/num-pong-bytes-6553*-ignored",
                    "bolt01/message/unknown-odd-type*", "bolt01/error/unknown-channel", "bolt01/warning/unknown-channel"),
                    List.of());
        }
        AutoCloseable server;
        NodeUri uri;
        if (scenario.equals("WRONG_KEY")) {
            EmbeddedTarget node = EmbeddedTarget.start();
            server = node;
            uri = new NodeUri(NodeKey.generate().publicKey(), node.uri().host(), node.uri().port());
        } else {
            HostileServer s = new HostileServer(HostileServer.Behaviour.valueOf(scenario));
            server = s;
            uri = s.uri();
        }
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            p.resetPeakUsage();
        }
        Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();
        Bounds bounds = Bounds.defaults().scaled(SCALE);
        long t0 = System.nanoTime();
        RunReport report;
        try (Target t = new UriTarget(uri, scenario.toLowerCase())) {
            report = new Runner(t, bounds, PARALLEL, Keylog.NONE, null,
                    r -> reported.computeIfAbsent(r.info().id(), k -> new AtomicInteger()).incrementAndGet()).run(cases);
        } finally {
            server.close();
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        if (System.getenv("HOSTILE_VERBOSE") != null) {
            report.results().forEach(r -> System.out.println("  " + r.info().id() + " " + r.verdict() + " "
                    + r.durationMs() + " ms: " + r.observed()));
        }
        Thread.sleep(200); // a case reporting twice would do it now
        long heapPeak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        boolean once = reported.values().stream().allMatch(n -> n.get() == 1);
        Set<String> ids = report.results().stream().map(r -> r.info().id()).collect(Collectors.toSet());
        Map<Verdict, Integer> counts = new TreeMap<>(report.summary());
        counts.values().removeIf(n -> n == 0);
        String reason = report.preflightFailed() ? report.preflight().reason()
                : report.results().stream().filter(r -> r.verdict() == Verdict.ERROR).map(CaseResult::observed)
                        .distinct().sorted().reduce((a, b) -> a + " | " + b).orElse("no case ERROR");
        return "RESULT " + scenario + " exit=" + report.exitCode(false) + " cases=" + cases.size() + " results="
                + report.results().size() + " distinct=" + ids.size() + " reportedOnce=" + once + " ms=" + ms
                + " boundMs=" + bounds.runBound(cases.size(), (int) cases.stream().filter(ConformanceCase::alone).count(), PARALLEL).toMillis() + " heapPeakMb=" + heapPeak
                + " verdicts=" + counts.toString().replace(" ", "") + " reason=" + reason.replace('\n', ' ');
    }
}
