package org.lnconform.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.DialBackDialer;
import org.lnconform.harness.run.Keylog;
import org.lnconform.harness.run.NodeDialer;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.run.Selection;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;
import org.lnconform.harness.target.TargetFactory;
import org.lnconform.harness.target.UriTarget;
import org.lnconform.peer.Deviation;
import org.lnconform.peer.NodeUri;
import org.lnconform.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code lnconform run}: the suite against a node (the embedded reference node by default). */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run the conformance suite against a node and write reports.",
        footer = {"", "Exit codes: 0 no FAIL and no ERROR, 1 at least one FAIL, 2 usage error, 3 infrastructure error."})
final class RunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "CASES", description = "Case id globs to run, e.g. 'bolt01/ping/*' (default: all).")
    List<String> include = new ArrayList<>();

    @Option(names = "--target", paramLabel = "PUBKEY@HOST:PORT", description = "Any node, by URI.")
    String target;

    @Option(names = "--node", paramLabel = "NAME", description = "Start a node in Docker: lnd, ldk, cln, eclair.")
    String node;

    @Option(names = "--image", paramLabel = "IMAGE", description = "Container image for --node (default: the pinned "
            + "official image for lnd; for ldk, which has no official image, lnconform's locally built one; "
            + "for cln, LNCONFORM_CLN_IMAGE or lnconform's local build when present; for eclair, "
            + "LNCONFORM_ECLAIR_IMAGE or lnconform's local build (with its stand-in bitcoind) when present).")
    String image;

    @Option(names = "--exclude", paramLabel = "GLOB", description = "Case id globs to skip (repeatable).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--strict", description = "Count SHOULD failures (NON_STRICT) as failures.")
    boolean strict;

    @Option(names = {"--list", "--dry-run"}, description = "List the selected cases and exit.")
    boolean list;

    @Option(names = "-v", description = "Verbose: -v observed text for non-passing cases, -vv wire traces, -vvv with hex.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--keylog", paramLabel = "FILE", description = "Append per-connection session keys to FILE (for decrypting captures). Off by default.")
    Path keylog;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = ReportsDir.DEFAULT,
            description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--label", paramLabel = "NAME", description = "A name for this run in reports and matrices (default: the target's name).")
    String label;

    @Option(names = "--parallel", defaultValue = "8", description = "Cases run at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--bounds-scale", defaultValue = "1.0", description = "Multiply every wait bound (slow nodes).")
    double boundsScale;

    @Option(names = "--seed", defaultValue = "1", description = "Seed the cases derive their keys and channel ids from"
            + " (recorded in the report; the same seed repeats a run value for value; default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--allure-html", description = "Also generate Allure's own HTML report from allure-results/ (about 10 s).")
    boolean allureHtml;

    @Option(names = "--no-allure-html", hidden = true, description = "The default now; kept so old scripts still run.")
    boolean noAllureHtml;

    @Option(names = "--deviation", paramLabel = "NAME", hidden = true,
            description = "Self-testing: start the embedded node with this deviation (repeatable).")
    List<String> deviations = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        List<ConformanceCase> cases = Selection.select(Catalogue.all(), include, exclude);
        if (cases.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no case matches " + include);
        }
        if (list) {
            for (ConformanceCase c : cases) {
                System.out.printf("%-62s %-6s %-9s %s%n", c.info().id(), c.info().level(), c.info().side(),
                        String.join(",", c.info().requirements()));
            }
            System.out.println(cases.size() + " cases");
            return Main.OK;
        }
        if (target != null && node != null) {
            throw new ParameterException(spec.commandLine(), "use either --target or --node, not both");
        }
        ReportsDir.prepare(spec.commandLine(), reports);
        if (keylog != null) {
            PrivateFile.create(spec.commandLine(), "--keylog", keylog);
        }
        try (Target t = startTarget()) {
            checkReachable(t);
            Supplier<NodeDialer> dialers = t.dialBack().<Supplier<NodeDialer>>map(db -> () -> new DialBackDialer(db))
                    .orElse(null);
            boolean terminal = System.console() != null;
            ConsoleReporter console = new ConsoleReporter(System.out, cases.size(), verbose.length, terminal);
            System.out.println("lnconform: " + cases.size() + " cases against " + t.describe().get("name") + " ("
                    + t.uri() + ")");
            Runner runner = new Runner(t, Bounds.defaults().scaled(boundsScale), parallel,
                    keylog == null ? Keylog.NONE : Keylog.toFile(keylog), dialers, console::onResult).seed(seed);
            RunReport report = Reports.labelled(runner.run(cases), label);
            if (report.preflightFailed()) {
                System.out.println("lnconform: preflight failed, no case was run: " + report.preflight().reason());
            }
            Reports.writeAll(report, reports, strict);
            console.summary(report, strict);
            Path dir = reports.toAbsolutePath().normalize();
            if (allureHtml) {
                System.out.println("lnconform: generating the Allure HTML report (about 10 s) …");
                System.out.flush();
                Reports.writeAllureHtml(reports);
                System.out.println("allure: " + dir.resolve(Reports.ALLURE_REPORT_DIR).resolve("index.html"));
            }
            System.out.println("reports: " + dir + "/index.html");
            return exitCode(report, strict);
        }
    }

    /** 1 for a FAIL (with --strict also NON_STRICT), else 3 for a failed preflight or an ERROR, else 0. */
    static int exitCode(RunReport report, boolean strict) {
        return report.exitCode(strict);
    }

    private Target startTarget() {
        if (target != null) {
            NodeUri uri;
            try {
                uri = UriTarget.parseUri(target);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage());
            }
            return new UriTarget(uri, "node " + uri.publicKeyHex().substring(0, 12));
        }
        if (node != null) {
            for (TargetFactory f : ServiceLoader.load(TargetFactory.class)) {
                if (f.name().equals(node)) {
                    Map<String, String> options = new LinkedHashMap<>();
                    if (image != null) {
                        options.put("image", image);
                    }
                    try {
                        System.out.println("lnconform: starting " + node + " …");
                        return f.start(options);
                    } catch (Exception e) {
                        throw new Main.InfraException("could not start " + node + ": " + e.getMessage(), e);
                    }
                }
            }
            throw new ParameterException(spec.commandLine(), "unknown --node '" + node + "'");
        }
        Set<Deviation> d = EnumSet.noneOf(Deviation.class);
        for (String s : deviations) {
            try {
                d.add(Deviation.parse(s));
            } catch (IllegalArgumentException e) {
                throw new ParameterException(spec.commandLine(), "unknown deviation '" + s + "'");
            }
        }
        return EmbeddedTarget.start(d);
    }

    private static void checkReachable(Target t) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(t.uri().host(), t.uri().port()), 5000);
        } catch (IOException e) {
            throw new Main.InfraException("node " + t.uri() + " is unreachable: " + e.getMessage(), e);
        }
    }
}
