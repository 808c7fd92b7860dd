package org.lnconform.tck;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.harness.target.UriTarget;
import org.lnconform.peer.NodeUri;
import org.lnconform.reports.Reports;

/**
 * The lnconform JUnit Platform engine (id {@value #ID}): it picks up {@link LightningConformanceTest}
 * and its subclasses, runs the selected cases against the target once, and reports each case as a
 * test named by its id as its verdict arrives. Found by the platform through
 * {@code META-INF/services}, so Surefire, Gradle and IDEs run it like any other engine.
 */
public final class ConformanceEngine implements TestEngine {

    /** The engine id in unique ids, e.g. {@code [engine:lnconform]/[class:…]/[case:bolt01/ping/…]}. */
    public static final String ID = "lnconform";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public Optional<String> getGroupId() {
        return Optional.of("org.lnconform");
    }

    @Override
    public Optional<String> getArtifactId() {
        return Optional.of("lnconform-tck");
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "lnconform");
        Map<String, Class<?>> classes = new LinkedHashMap<>();
        Map<String, Set<String>> onlyCases = new LinkedHashMap<>();
        for (ClassSelector s : request.getSelectorsByType(ClassSelector.class)) {
            Class<?> c = s.getJavaClass();
            if (LightningConformanceTest.class.isAssignableFrom(c)) {
                classes.put(c.getName(), c);
                onlyCases.put(c.getName(), null);
            }
        }
        for (UniqueIdSelector s : request.getSelectorsByType(UniqueIdSelector.class)) {
            selectByUniqueId(uniqueId, s.getUniqueId(), classes, onlyCases);
        }
        if (classes.isEmpty()) {
            return engine;
        }
        List<ConformanceCase> cases = Selection.select(Catalogue.all(), list("lnconform.cases"), list("lnconform.exclude"));
        classes.forEach((name, c) -> {
            SuiteDescriptor suite = new SuiteDescriptor(uniqueId, c);
            Set<String> only = onlyCases.get(name);
            cases.stream().filter(k -> only == null || only.contains(k.info().id()))
                    .forEach(k -> suite.addChild(new CaseDescriptor(suite.getUniqueId(), k)));
            engine.addChild(suite);
        });
        return engine;
    }

    /** An IDE re-running one case (or one class) selects it by unique id. */
    private static void selectByUniqueId(UniqueId engine, UniqueId id, Map<String, Class<?>> classes,
            Map<String, Set<String>> onlyCases) {
        if (!id.hasPrefix(engine) || id.getSegments().size() < 2) {
            return;
        }
        UniqueId.Segment cls = id.getSegments().get(1);
        if (!cls.getType().equals(SuiteDescriptor.SEGMENT)) {
            return;
        }
        Class<?> c;
        try {
            c = Class.forName(cls.getValue(), false, Thread.currentThread().getContextClassLoader());
        } catch (ClassNotFoundException e) {
            return;
        }
        if (!LightningConformanceTest.class.isAssignableFrom(c)) {
            return;
        }
        boolean whole = id.getSegments().size() == 2 || (classes.containsKey(c.getName()) && onlyCases.get(c.getName()) == null);
        classes.put(c.getName(), c);
        if (whole) {
            onlyCases.put(c.getName(), null);
        } else {
            onlyCases.computeIfAbsent(c.getName(), k -> new HashSet<>()).add(id.getSegments().get(2).getValue());
        }
    }

    @Override
    public void execute(ExecutionRequest request) {
        EngineExecutionListener listener = request.getEngineExecutionListener();
        TestDescriptor engine = request.getRootTestDescriptor();
        listener.executionStarted(engine);
        for (TestDescriptor suite : engine.getChildren()) {
            listener.executionStarted(suite);
            TestExecutionResult result;
            try {
                runSuite(suite, listener);
                result = TestExecutionResult.successful();
            } catch (RuntimeException e) {
                result = TestExecutionResult.failed(e);
            }
            listener.executionFinished(suite, result);
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    private static void runSuite(TestDescriptor suite, EngineExecutionListener listener) {
        Map<String, CaseDescriptor> byId = new LinkedHashMap<>();
        suite.getChildren().forEach(d -> byId.put(((CaseDescriptor) d).conformanceCase().info().id(), (CaseDescriptor) d));
        List<ConformanceCase> cases = byId.values().stream().map(CaseDescriptor::conformanceCase).collect(Collectors.toList());
        boolean strict = Boolean.getBoolean("lnconform.strict");
        Set<String> reported = new HashSet<>();
        Object lock = new Object();
        RunReport report;
        try (Target target = target()) {
            report = Runner.forTarget(target, Integer.getInteger("lnconform.parallel", 8), r -> {
                synchronized (lock) {
                    CaseDescriptor d = byId.get(r.info().id());
                    if (d != null && reported.add(r.info().id())) {
                        report(d, r, strict, listener);
                    }
                }
            }).run(cases);
        }
        synchronized (lock) {
            for (CaseResult r : report.results()) {
                CaseDescriptor d = byId.get(r.info().id());
                if (d != null && reported.add(r.info().id())) {
                    report(d, r, strict, listener);
                }
            }
            String why = report.preflightFailed() ? "not run: the preflight failed: " + report.preflight().reason()
                    : "the run gave no verdict for this case";
            byId.forEach((id, d) -> {
                if (reported.add(id)) {
                    listener.executionStarted(d);
                    listener.executionFinished(d, TestExecutionResult.failed(new ConformanceError(id + ": " + why)));
                }
            });
        }
        String reports = System.getProperty("lnconform.reports", "").trim();
        if (!reports.isEmpty()) {
            Reports.writeAll(report, Path.of(reports), strict);
        }
    }

    private static void report(CaseDescriptor d, CaseResult r, boolean strict, EngineExecutionListener listener) {
        Optional<String> skipped = VerdictMapping.skipReason(r);
        if (skipped.isPresent()) {
            listener.executionSkipped(d, skipped.get());
            return;
        }
        listener.executionStarted(d);
        listener.executionFinished(d, VerdictMapping.result(r, strict));
    }

    private static Target target() {
        String uri = System.getProperty("lnconform.target", "").trim();
        if (uri.isEmpty()) {
            return EmbeddedTarget.start();
        }
        NodeUri parsed = NodeUri.parse(uri);
        return new UriTarget(parsed, "node " + parsed.publicKeyHex().substring(0, 12));
    }

    private static List<String> list(String property) {
        String v = System.getProperty(property, "").trim();
        return v.isEmpty() ? List.of() : Arrays.stream(v.split(",")).map(String::trim).collect(Collectors.toList());
    }
}
