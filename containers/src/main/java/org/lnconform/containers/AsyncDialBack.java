package org.lnconform.containers;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.lnconform.harness.target.Target;
import org.lnconform.peer.NodeUri;

/**
 * A dial-back whose admin call runs in the background. Nodes' connect calls (lnd's
 * {@code POST /v1/peers}, {@code lightning-cli connect}, Eclair's {@code /connect}) return only
 * once the BOLT 8 handshake is over, but the harness accepts the connection and plays the
 * responder only after {@link Target.DialBack#dial} has returned; a synchronous call would wait
 * for a handshake that cannot happen. The call's own failure (expected when a case tampers with
 * Act Two) is reported to {@code failures}, never to the case: the wire is the evidence.
 */
final class AsyncDialBack implements Target.DialBack {

    /** One blocking "connect to this URI" call through a node's admin interface. */
    @FunctionalInterface
    interface BlockingConnect {
        void connect(NodeUri harness) throws Exception;
    }

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService CALLS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "lnconform-dial-back-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    private final BlockingConnect connect;
    private final Consumer<String> failures;

    AsyncDialBack(BlockingConnect connect, Consumer<String> failures) {
        this.connect = connect;
        this.failures = failures;
    }

    @Override
    public void dial(NodeUri harness) {
        CALLS.execute(() -> {
            try {
                connect.connect(harness);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                failures.accept("connect to " + harness + ": " + e.getMessage());
            }
        });
    }
}
