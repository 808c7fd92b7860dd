package org.lnconform.peer;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lnconform.wire.message.Pong;

/**
 * Our pings awaiting their pongs, oldest first: a pong answers the oldest ping if its length is
 * the one that ping asked for. Each wait is bounded. Confined to the connection's event loop.
 */
final class PendingPings {

    /** Whom a pong answered. */
    enum Answered {
        /** No ping of ours: an unsolicited pong. */
        NONE,
        /** A ping the application sent through {@link Peer#ping}. */
        APPLICATION,
        /** The lifecycle's own keep-alive ping. */
        KEEP_ALIVE
    }

    private record Pending(int numPongBytes, CompletableFuture<Pong> result, ScheduledFuture<?> timeout,
            boolean keepAlive) {}

    private final Deque<Pending> queue = new ArrayDeque<>();

    /** Waits for the pong of a ping just sent; {@code result} fails if none comes within {@code timeout}. */
    void add(int numPongBytes, CompletableFuture<Pong> result, Duration timeout, EventExecutor executor,
            boolean keepAlive) {
        ScheduledFuture<?> t = executor.schedule(() -> {
            queue.removeIf(p -> p.result() == result);
            result.completeExceptionally(new TimeoutException("no pong within " + timeout.toMillis() + " ms"));
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        queue.addLast(new Pending(numPongBytes, result, t, keepAlive));
    }

    /** Completes the oldest waiting ping if {@code pong} answers it. */
    Answered answer(Pong pong) {
        Pending head = queue.peekFirst();
        if (head == null || head.numPongBytes() != pong.byteslen()) {
            return Answered.NONE;
        }
        queue.pollFirst();
        head.timeout().cancel(false);
        head.result().complete(pong);
        return head.keepAlive() ? Answered.KEEP_ALIVE : Answered.APPLICATION;
    }

    /** The connection closed: every wait fails. */
    void failAll() {
        for (Pending p : queue) {
            p.timeout().cancel(false);
            p.result().completeExceptionally(new IllegalStateException("connection closed"));
        }
        queue.clear();
    }
}
