package org.lnconform.containers;

import java.time.Duration;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Readiness by polling a node's admin API until it says ready: lnd's {@code GET /v1/state} is
 * {@code SERVER_ACTIVE}, Eclair's {@code getinfo} answers. Log lines are not enough for lnd, whose
 * "Server listening" line comes before the server is active. Bounded by the startup timeout; gives
 * up at once, with the container's last log lines, if the container exits.
 */
final class PollingWaitStrategy extends AbstractWaitStrategy {

    /** One look at the node: null when ready, else what it says instead. May throw while the API is not up. */
    @FunctionalInterface
    interface Probe {
        String notReady() throws Exception;
    }

    private static final Duration POLL = Duration.ofMillis(100);

    private final String node;
    private final String readiness;
    private final Probe probe;

    /**
     * @param node what is started, for messages ({@code lnd})
     * @param readiness what is awaited, for messages ({@code SERVER_ACTIVE})
     */
    PollingWaitStrategy(String node, String readiness, Probe probe) {
        this.node = node;
        this.readiness = readiness;
        this.probe = probe;
    }

    @Override
    protected void waitUntilReady() {
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException(node + " exited before " + readiness + "; last log lines:\n"
                        + LogTail.of(waitStrategyTarget, 25));
            }
            try {
                String reason = probe.notReady();
                if (reason == null) {
                    return;
                }
                last = reason;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for " + node);
            } catch (Exception e) {
                last = e.getMessage() == null ? e.toString() : e.getMessage();
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ContainerLaunchException("interrupted while waiting for " + node);
            }
        }
        throw new ContainerLaunchException(node + " was not " + readiness + " within " + startupTimeout.toSeconds()
                + " s (last: " + last + "); last log lines:\n" + LogTail.of(waitStrategyTarget, 25));
    }
}
