package org.lnconform.harness.oracle;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.LimitExceeded;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.probe.ReadResult;
import org.lnconform.harness.probe.WireText;
import org.lnconform.harness.run.Evidence;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;

/**
 * Everything that watches the node after a case's action, in one vocabulary: bounded reads, the
 * follow-up ping that tells alive from closed from silent, errors and warnings seen on the way,
 * the node's own pings answered meanwhile, and frames that fail decryption (their own BOLT 8
 * finding, {@link Outcome#GARBLED}). It reports what happened on the wire ({@link Evidence}:
 * an outcome and a sentence); what the requirement makes of it is the case's allowed set.
 */
public final class Oracle {

    /** num_pong_bytes of the follow-up ping: odd enough not to collide with a case's own. */
    public static final int FOLLOW_UP_PONG_BYTES = 1021;

    /** How long the node must stay quiet after its init while ours is withheld (B1-INIT-11, B1-STOR-09). */
    public static final Duration QUIET = Duration.ofMillis(300);

    private final Bounds bounds;

    public Oracle(Bounds bounds) {
        this.bounds = bounds;
    }

    public Bounds bounds() {
        return bounds;
    }

    /**
     * After an action the node may react to in several allowed ways: sends a follow-up ping and
     * reads until its pong (alive), a close, or the bound (a zombie). Errors and warnings on the
     * way are noted; the node's pings are answered.
     */
    public Evidence followUp(ProbeSession s) {
        return afterFollowUp(s, false);
    }

    /**
     * After an input the spec says the node MUST ignore: any reaction fails. A pong other than the
     * follow-up's is {@link Outcome#PROCEEDED}, an error or warning makes
     * {@link Outcome#WARNED_STAYED_UP} or {@link Outcome#ERROR_THEN_CLOSED}, a close {@link Outcome#CLOSED};
     * only {@link Outcome#STAYED_UP} means ignored.
     */
    public Evidence expectIgnored(ProbeSession s) {
        return afterFollowUp(s, true);
    }

    private Evidence afterFollowUp(ProbeSession s, boolean strict) {
        List<String> warnings = new ArrayList<>();
        List<String> otherPongs = new ArrayList<>();
        if (!s.send(Ping.of(FOLLOW_UP_PONG_BYTES, 0))) {
            return Evidence.of(Outcome.CLOSED, "the node had closed the connection before our follow-up ping");
        }
        Mark mark = Mark.of(s);
        long deadline = System.nanoTime() + bounds.reply().toNanos();
        while (true) {
            Duration left = Duration.ofNanos(deadline - System.nanoTime());
            Incoming in = left.isNegative() || left.isZero() ? new Incoming.Silent(0) : s.read(left);
            String before = (warnings.isEmpty() ? "" : " after sending " + String.join(", ", warnings))
                    + (otherPongs.isEmpty() ? "" : " (it answered with " + String.join(", ", otherPongs) + ")");
            if (in instanceof Incoming.Closed) {
                // FIN or reset is timing (was our ping still unread?), so the evidence does not say; the trace does
                return Evidence.of(warnings.isEmpty() ? Outcome.CLOSED : Outcome.ERROR_THEN_CLOSED,
                        "the node closed the connection" + before);
            }
            if (in instanceof Incoming.Silent) {
                mark.notAFlood(s, "the pong to our follow-up ping");
                return Evidence.of(Outcome.SILENT, "the node neither answered our follow-up ping nor closed within "
                        + bounds.reply().toMillis() + " ms" + before + ": the connection is a zombie");
            }
            if (in instanceof Incoming.BadFrame b) {
                return garbled(b, stillPossible(!warnings.isEmpty(), strict && !otherPongs.isEmpty()),
                        warnings.isEmpty() && otherPongs.isEmpty() ? "" : "before it, the node had sent "
                                + String.join(", ", warnings) + (warnings.isEmpty() || otherPongs.isEmpty() ? "" : ", ")
                                + String.join(", ", otherPongs));
            }
            Incoming.Message m = (Incoming.Message) in;
            if (m.decoded() instanceof Pong p && p.ignored().size() == FOLLOW_UP_PONG_BYTES) {
                if (!warnings.isEmpty()) {
                    return Evidence.of(Outcome.WARNED_STAYED_UP, "the node sent " + String.join(", ", warnings)
                            + " and still answers pings");
                }
                if (strict && !otherPongs.isEmpty()) {
                    return Evidence.of(Outcome.PROCEEDED, "the node answered with " + String.join(", ", otherPongs)
                            + " instead of ignoring the input");
                }
                return Evidence.of(Outcome.STAYED_UP, "the node sent nothing in reply"
                        + (otherPongs.isEmpty() ? "" : " but " + String.join(", ", otherPongs))
                        + " and answered our follow-up ping: the connection is up");
            }
            if (m.decoded() instanceof ErrorMessage || m.decoded() instanceof Warning) {
                warnings.add(WireText.message(m.decoded()));
            } else if (m.decoded() instanceof Pong p) {
                otherPongs.add(WireText.message(p));
            } else {
                s.answerIfPing(m);
            }
        }
    }

    /** A frame from the node that failed decryption: a BOLT 8 finding with the raw bytes. */
    public static Evidence garbled(Incoming.BadFrame b) {
        return garbled(b, EnumSet.noneOf(Outcome.class), "");
    }

    /**
     * Likewise, with what the case's own exchange had shown before the frame: {@code stillPossible}
     * are the outcomes it could still have ended in (nothing can be read after a frame that fails
     * decryption: the nonces are out of step), {@code seen} says what the node had sent.
     */
    public static Evidence garbled(Incoming.BadFrame b, Set<Outcome> stillPossible, String seen) {
        return new Evidence(Outcome.GARBLED, "BOLT 8 (B8-MSG-02, B8-MSG-03): a frame from the node failed decryption ("
                + b.detail() + "); its bytes: " + WireText.hex(b.raw()) + (seen.isEmpty() ? "" : "; " + seen),
                stillPossible);
    }

    /**
     * The follow-up's outcomes still possible when a garbled frame cuts it short: an error or
     * warning already seen rules out a plain close, a plain stay-up and a pong verdict (they rank
     * below it); under "MUST ignore", another pong rules out staying up. Empty when nothing was seen.
     */
    public static Set<Outcome> stillPossible(boolean warned, boolean strictPonged) {
        if (!warned && !strictPonged) {
            return EnumSet.noneOf(Outcome.class);
        }
        Set<Outcome> s = EnumSet.of(Outcome.WARNED_STAYED_UP, Outcome.ERROR_THEN_CLOSED, Outcome.SILENT);
        if (!warned) {
            s.addAll(EnumSet.of(Outcome.PROCEEDED, Outcome.CLOSED));
        }
        return s;
    }

    /**
     * Reads until {@code done} holds for what arrived so far, the node closes, or {@code bound}
     * runs out, answering the node's pings and noting its errors and warnings on the way. A bound
     * that runs out while the node kept sending other things is a flood ({@code awaited} names
     * what did not come): {@link LimitExceeded}, ERROR.
     *
     * @throws GarbledFrame if a frame failed decryption (the BOLT 8 finding, with what came before)
     */
    public Collected collect(ProbeSession s, Duration bound, Predicate<Collected> done, String awaited)
            throws GarbledFrame {
        return read(s, bound, done, awaited);
    }

    /**
     * Everything the node sends within {@code window} (its pings answered), with no answer awaited:
     * what a case holds still for. No flood guard (relayed gossip is what some cases look for); the
     * per-connection caps of the probe still bound it.
     *
     * @throws GarbledFrame if a frame failed decryption
     */
    public Collected record(ProbeSession s, Duration window) throws GarbledFrame {
        return read(s, window, c -> false, null);
    }

    private static Collected read(ProbeSession s, Duration bound, Predicate<Collected> done, String awaited)
            throws GarbledFrame {
        Mark mark = Mark.of(s);
        List<Incoming.Message> seen = new ArrayList<>();
        String warning = null;
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                if (awaited != null) {
                    mark.notAFlood(s, awaited);
                }
                return new Collected(seen, false, false, warning);
            }
            Incoming in = s.read(Duration.ofNanos(left));
            if (in instanceof Incoming.Silent) {
                continue;
            }
            if (in instanceof Incoming.Closed) {
                return new Collected(seen, false, true, warning);
            }
            if (in instanceof Incoming.BadFrame b) {
                throw new GarbledFrame(garbled(b, EnumSet.noneOf(Outcome.class), seen.isEmpty() ? ""
                        : "before it, the node had sent " + seen.stream()
                                .map(m -> MessageRegistry.standard().nameOf(m.type())).toList()));
            }
            Incoming.Message m = (Incoming.Message) in;
            seen.add(m);
            if (m.decoded() instanceof Warning w) {
                warning = "warning \"" + w.dataText() + "\"";
            } else if (m.decoded() instanceof ErrorMessage e) {
                warning = "error \"" + e.dataText() + "\"";
            } else {
                s.answerIfPing(m);
            }
            if (done.test(new Collected(seen, false, false, warning))) {
                return new Collected(seen, true, false, warning);
            }
        }
    }

    /**
     * During a handshake, after an act the node must reject: reads up to {@code replyLength}
     * bytes. A close without a byte is {@link Outcome#CLOSED}; any answer means the node carried on
     * ({@link Outcome#PROCEEDED}); nothing within the bound is {@link Outcome#SILENT}.
     */
    public Evidence afterBadAct(ProbeConnection c, int replyLength, String replyName) {
        ReadResult r = c.readExactly(replyLength, bounds.act());
        if (r instanceof ReadResult.Data d) {
            c.trace().received(replyName, d.bytes(), "the node answered with " + replyName);
            return Evidence.of(Outcome.PROCEEDED, "the node answered with " + replyName + " (" + WireText.hex(d.bytes())
                    + ") instead of closing");
        }
        return afterBadAct(r);
    }

    /** What a handshake read that did not get its full answer shows about a rejected act. */
    public Evidence afterBadAct(ReadResult r) {
        if (r instanceof ReadResult.Closed closed) {
            return closed.partial().length == 0
                    ? Evidence.of(Outcome.CLOSED, "the node closed the connection without sending anything")
                    : Evidence.of(Outcome.PROCEEDED, "the node sent " + WireText.hex(closed.partial())
                            + " before closing (it must send nothing further)");
        }
        if (r instanceof ReadResult.Silent s) {
            return Evidence.of(Outcome.SILENT, "the node neither answered nor closed within " + bounds.act().toMillis()
                    + " ms (" + WireText.hex(s.partial()) + " received)");
        }
        return Evidence.of(Outcome.PROCEEDED, "the node answered: " + WireText.read(r));
    }

    /** The next pong within the reply bound, answering the node's own pings meanwhile. */
    public PongWait nextPong(ProbeSession s) {
        Mark mark = Mark.of(s);
        long deadline = System.nanoTime() + bounds.reply().toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (in instanceof Incoming.Message m) {
                if (m.decoded() instanceof Pong p) {
                    return new PongWait(p, "", false, null);
                }
                s.answerIfPing(m);
                continue;
            }
            if (in instanceof Incoming.Silent) {
                mark.notAFlood(s, "a pong");
            }
            return new PongWait(null, WireText.incoming(in), in instanceof Incoming.Closed,
                    in instanceof Incoming.BadFrame b ? b : null);
        }
        mark.notAFlood(s, "a pong");
        return new PongWait(null, "no pong within " + bounds.reply().toMillis() + " ms", false, null);
    }

    /**
     * Everything the node sends within {@code window}, answering its pings if {@code answerPings}.
     *
     * @return the messages, and what ended the window early (a close or a garbled frame), or null
     * @throws LimitExceeded if the node never paused: a flood, not something the case can judge
     */
    public Window window(ProbeSession s, Duration window, boolean answerPings) {
        Mark mark = Mark.of(s);
        List<Incoming.Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (in instanceof Incoming.Silent) {
                break;
            }
            if (!(in instanceof Incoming.Message m)) {
                return new Window(seen, in);
            }
            seen.add(m);
            if (answerPings) {
                s.answerIfPing(m);
            }
        }
        mark.notAFlood(s, "a pause");
        return new Window(seen, null);
    }

    /** What {@link #window} saw: the messages, and the close or bad frame that ended it early (or null). */
    public record Window(List<Incoming.Message> messages, Incoming end) {}

    /**
     * What the node sends of its own accord: every message within {@code window} (its pings
     * answered), stopping early at the first that {@code wanted} accepts; unless that one came, a
     * follow-up ping whose pong shows the node alive ends the record.
     */
    public Observation watch(ProbeSession s, Duration window, Predicate<Incoming.Message> wanted) {
        List<Incoming.Message> seen = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (in instanceof Incoming.Silent) {
                break;
            }
            Evidence end = ending(in);
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
        if (!s.send(Ping.of(FOLLOW_UP_PONG_BYTES, 0))) {
            return new Observation(seen, null, Evidence.of(Outcome.CLOSED,
                    "the node had closed the connection before our follow-up ping"));
        }
        Mark mark = Mark.of(s);
        deadline = System.nanoTime() + bounds.reply().toNanos();
        while (System.nanoTime() < deadline) {
            Incoming in = s.read(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            if (in instanceof Incoming.Silent) {
                break;
            }
            Evidence end = ending(in);
            if (end != null) {
                return new Observation(seen, null, end);
            }
            Incoming.Message m = (Incoming.Message) in;
            seen.add(m);
            if (wanted.test(m)) {
                return new Observation(seen, m, null);
            }
            if (m.decoded() instanceof Pong p && p.ignored().size() == FOLLOW_UP_PONG_BYTES) {
                return new Observation(seen, null, Evidence.of(Outcome.STAYED_UP,
                        "the node answered our follow-up ping"));
            }
            s.answerIfPing(m);
        }
        mark.notAFlood(s, "the pong to our follow-up ping");
        return new Observation(seen, null, Evidence.of(Outcome.SILENT, "the node neither answered our follow-up ping"
                + " nor closed within " + bounds.reply().toMillis() + " ms: the connection is a zombie"));
    }

    private static Evidence ending(Incoming in) {
        if (in instanceof Incoming.Closed) {
            return Evidence.of(Outcome.CLOSED, "the node closed the connection");
        }
        if (in instanceof Incoming.BadFrame b) {
            return garbled(b);
        }
        return null;
    }
}
