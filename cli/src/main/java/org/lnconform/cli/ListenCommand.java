package org.lnconform.cli;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Keylog;
import org.lnconform.harness.run.ListenDialer;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.Target;
import org.lnconform.noise.NodeKey;
import org.lnconform.peer.NodeUri;
import org.lnconform.reports.Reports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lnconform listen}: waits for the node under test to dial in and runs the initiator-side cases. */
@Command(name = "listen", mixinStandardHelpOptions = true,
        description = "Listen for the node under test and run the initiator-side cases on each connection it opens.")
final class ListenCommand implements Callable<Integer> {

    @Option(names = "--listen", defaultValue = "127.0.0.1:9736", paramLabel = "HOST:PORT",
            description = "Where the harness listens (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--node-id", paramLabel = "PUBKEY", description = "The node's id, to check its Act Three authenticates it.")
    String nodeId;

    @Option(names = "--wait", defaultValue = "120", description = "Seconds to wait for each connection (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Option(names = "--reports", paramLabel = "DIR", defaultValue = ReportsDir.DEFAULT,
            description = "Where reports go (default: ${DEFAULT-VALUE}).")
    Path reports;

    @Option(names = "--key", paramLabel = "FILE|HEX", description = "The harness's static private key (64 hex digits,"
            + " or a file holding them), so its URI stays the same across starts (default: a fresh key).")
    String key;

    @Option(names = "--label", paramLabel = "NAME", description = "A name for this run in reports and matrices.")
    String label;

    @Spec
    CommandSpec spec;

    @Option(names = "-v", description = "Verbose output.")
    boolean[] verbose = new boolean[0];

    @Override
    public Integer call() throws Exception {
        List<ConformanceCase> cases = Catalogue.all().stream().filter(c -> c.info().side() == Side.INITIATOR)
                .collect(Collectors.toList());
        InetSocketAddress address = HostPort.parse(spec.commandLine(), "--listen", listen);
        NodeKey harnessKey = KeyOption.parse(spec.commandLine(), key);
        ReportsDir.prepare(spec.commandLine(), reports);
        try (ListenDialer dialer = new ListenDialer(address, Duration.ofSeconds(waitSeconds), harnessKey)) {
            System.out.println(dialer.uri());
            System.out.println("lnconform: connect the node under test to the URI above (" + cases.size()
                    + " connections needed)");
            System.out.flush();
            byte[] id = nodeId == null ? new byte[33] : org.lnconform.noise.Hex.decode(nodeId);
            if (nodeId == null) {
                id[0] = 2;
            }
            NodeUri nodeUri = new NodeUri(id, "0.0.0.0", 1);
            Target t = new Target() {
                @Override
                public NodeUri uri() {
                    return nodeUri;
                }

                @Override
                public Map<String, String> describe() {
                    Map<String, String> m = new LinkedHashMap<>();
                    m.put("name", nodeId == null ? "dialing node" : "node " + nodeId.substring(0, 12));
                    m.put("mode", "listen " + dialer.uri());
                    return m;
                }

                @Override
                public void close() {}
            };
            ConsoleReporter console = new ConsoleReporter(System.out, cases.size(), verbose.length, System.console() != null);
            RunReport report = Reports.labelled(
                    new Runner(t, Bounds.defaults(), 1, Keylog.NONE, dialer::forCase, console::onResult).run(cases), label);
            Reports.writeAll(report, reports, false);
            console.summary(report, false);
            return RunCommand.exitCode(report, false);
        }
    }
}
