package org.lnconform.harness.cases;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;

/**
 * What the node sends of its own accord on a running connection: every message within a window
 * (the node's pings answered on the way), stopping early at the one a case waits for; then, unless
 * that one came, a follow-up ping whose pong shows the node is alive and ends the record.
 *
 * @param messages every message the node sent, in order (follow-up pong included)
 * @param found    the first message {@code wanted} accepted, or null
 * @param ending   how the record ended; null when {@code found} ended it
 */
record Observation(List<Incoming.Message> messages, Incoming.Message found, Evidence ending) {

    /** True if the record ended with the node answering the follow-up ping. */
    boolean alive() {
        return ending != null && ending.outcome() == Outcome.STAYED_UP;
    }

    /** True if the node closed the connection before the record ended. */
    boolean closed() {
        return ending != null && ending.outcome() == Outcome.CLOSED;
    }

    /** The message types received, for evidence text. */
    List<Integer> types() {
        return messages.stream().map(Incoming.Message::type).toList();
    }

    static Observation watch(CaseContext ctx, ProbeSession s, Duration window, Predicate<Incoming.Message> wanted) {
        List<Incoming.Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (in instanceof Incoming.Silent) {
                break;
            }
            Evidence end = onNonMessage(in);
            if (end != null) {
                return new Observation(seen, null, end);
            }
            Incoming.Message m = (Incoming.Message) in;
            seen.add(m);
            if (wanted.test(m)) {
                return new Observation(seen, m, null);
            }
            s.answerIfPing(m);
        }
        if (!s.send(Ping.of(CaseContext.FOLLOW_UP_PONG_BYTES, 0))) {
            return new Observation(seen, null, Evidence.of(Outcome.CLOSED,
                    "the node had closed the connection before the follow-up ping"));
        }
        deadline = System.nanoTime() + ctx.bounds().reply().toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (in instanceof Incoming.Silent) {
                break;
            }
            Evidence end = onNonMessage(in);
            if (end != null) {
                return new Observation(seen, null, end);
            }
            Incoming.Message m = (Incoming.Message) in;
            seen.add(m);
            if (wanted.test(m)) {
                return new Observation(seen, m, null);
            }
            if (m.decoded() instanceof Pong p && p.byteslen() == CaseContext.FOLLOW_UP_PONG_BYTES) {
                return new Observation(seen, null, Evidence.of(Outcome.STAYED_UP, "the node answered the follow-up ping"));
            }
            s.answerIfPing(m);
        }
        return new Observation(seen, null, Evidence.of(Outcome.SILENT, "no pong and no close within "
                + ctx.bounds().reply().toMillis() + " ms of the follow-up ping: the connection is a zombie"));
    }

    private static Evidence onNonMessage(Incoming in) {
        if (in instanceof Incoming.Closed) {
            return Evidence.of(Outcome.CLOSED, "the node closed the connection");
        }
        if (in instanceof Incoming.BadFrame b) {
            return Evidence.violates("the node sent a frame that failed decryption: " + b.detail());
        }
        return null;
    }
}
