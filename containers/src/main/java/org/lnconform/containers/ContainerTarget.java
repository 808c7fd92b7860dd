package org.lnconform.containers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lnconform.harness.target.Target;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.Bytes;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.GenericContainer;

/**
 * A started node container as the harness sees it. {@code describe()} carries the node's own
 * version and the start-up time ({@code startupMs}: from {@code docker run} until the node is
 * ready), which reports show apart from the suite's duration. Stops its containers on close,
 * or at JVM exit if nobody closed it (Testcontainers' reaper is off here).
 */
public final class ContainerTarget implements Target {

    private static final int LOG_TAIL_LINES = 25;

    private final String name;
    private final String implementation;
    private final LightningNodeContainer node;
    private final long startupMs;
    private final Thread shutdownHook;

    private ContainerTarget(String name, String implementation, LightningNodeContainer node, long startupMs) {
        this.name = name;
        this.implementation = implementation;
        this.node = node;
        this.startupMs = startupMs;
        this.shutdownHook = new Thread(node::stop, "lnconform-stop-" + name);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts {@code node} (and what it depends on) and waits until it is ready. A node that does
     * not get ready (exits, times out, misses its readiness signal) is an infrastructure failure:
     * {@link IllegalStateException} with the cause and the last lines of the node's output, which
     * the CLI and the interop tests report as ERROR, never as a verdict about the node.
     *
     * @param name what reports call it ({@code lnd})
     * @param implementation a longer description ({@code lnd (Lightning Labs)})
     */
    public static ContainerTarget start(String name, String implementation, LightningNodeContainer node) {
        DockerEngine.require();
        LogTail.Recorder recorder = new LogTail.Recorder(LOG_TAIL_LINES);
        if (node instanceof GenericContainer<?> g) {
            g.withLogConsumer(recorder);
        }
        long t0 = System.nanoTime();
        try {
            node.start();
        } catch (RuntimeException e) {
            String tail = recorder.text();
            try {
                node.stop();
            } catch (RuntimeException ignored) {
                // the start-up failure is what matters
            }
            throw new IllegalStateException("could not start " + name + " (" + node.getImageName() + "): "
                    + e.getMessage() + causes(e)
                    + (tail.isBlank() ? "" : "\n  last " + LOG_TAIL_LINES + " lines of its output:\n" + tail.indent(4)),
                    e);
        }
        return new ContainerTarget(name, implementation, node, (System.nanoTime() - t0) / 1_000_000);
    }

    private static String causes(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c.getMessage() != null && !b.toString().contains(c.getMessage())) {
                b.append("\n  caused by: ").append(c.getMessage());
            }
        }
        return b.toString();
    }

    public LightningNodeContainer container() {
        return node;
    }

    /** The node container's output so far (stdout and stderr), for evidence next to the reports. */
    public String logs() {
        return node instanceof ContainerState c ? c.getLogs() : "";
    }

    /** Milliseconds from starting the container until the node was ready. */
    public long startupMs() {
        return startupMs;
    }

    @Override
    public NodeUri uri() {
        return node.getNodeUri();
    }

    @Override
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("implementation", implementation);
        m.put("version", Optional.ofNullable(node.getNodeVersion()).orElse("unknown"));
        m.put("image", node.getImageName());
        m.put("uri", node.getNodeUri().toString());
        m.put("startupMs", String.valueOf(startupMs));
        return m;
    }

    @Override
    public Optional<DialBack> dialBack() {
        return node.dialBack();
    }

    @Override
    public Optional<Bytes> chainHash() {
        return Optional.of(node.chainHash());
    }

    @Override
    public void close() {
        try {
            node.stop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down: the hook stops it again, harmlessly
            }
        }
    }
}
