package org.lnconform.harness.probe;

import java.time.Duration;

/**
 * Every wait the harness makes, bounded. {@code reply} bounds how long a node may take to answer
 * or to close after an action; {@code silent} is how long the oracle waits before it calls a
 * connection that neither answered nor closed a zombie.
 */
public record Bounds(Duration connect, Duration act, Duration init, Duration reply, Duration silent, Duration caseTotal) {

    /**
     * Bytes the harness reads from one connection before it stops the case (ERROR). The largest
     * honest exchange, the key-rotation case, reads about 70 KB; the maximal ping cases 64 KiB each.
     */
    public static final long MAX_BYTES_PER_CONNECTION = 8L << 20;
    /** Messages read from one connection before the case stops (the key-rotation case reads 1100). */
    public static final int MAX_MESSAGES_PER_CONNECTION = 5_000;

    public static Bounds defaults() {
        return new Bounds(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5),
                Duration.ofSeconds(5), Duration.ofSeconds(3), Duration.ofSeconds(30));
    }

    /** The longest the preflight can take: connect, a first look, Act Two, init. */
    public Duration preflightBound() {
        return connect.plus(act).plus(init).plus(Duration.ofMillis(150));
    }

    /**
     * The pause before each case that runs alone (a fifth of the reply bound, 1 s by default): time
     * for the node to see our other connections close and drop their state (lnd prunes a peer's
     * gossip syncer, Core Lightning's gossipd forgets its start-up peer, both within milliseconds).
     */
    public Duration settle() {
        return reply.dividedBy(5);
    }

    /**
     * The longest a run of {@code cases} cases at {@code parallelism} can take against any node:
     * the preflight, then rounds of parallel cases, each stopped at {@link #caseTotal()} (plus one
     * connect bound for a worker that was inside a connect when its case was stopped).
     */
    public Duration runBound(int cases, int parallelism) {
        return runBound(cases, 0, parallelism);
    }

    /**
     * Likewise when {@code alone} of the cases run alone after the others: each of those is one more
     * round of its own, after a {@link #settle()} pause.
     */
    public Duration runBound(int cases, int alone, int parallelism) {
        int p = Math.max(1, parallelism);
        int rounds = (cases - alone + p - 1) / p;
        return preflightBound().plus(caseTotal.plus(connect).multipliedBy(rounds))
                .plus(caseTotal.plus(connect).plus(settle()).multipliedBy(alone));
    }

    /** Same bounds scaled by {@code factor} (slow machines, remote nodes). */
    public Bounds scaled(double factor) {
        return new Bounds(scale(connect, factor), scale(act, factor), scale(init, factor), scale(reply, factor),
                scale(silent, factor), scale(caseTotal, factor));
    }

    private static Duration scale(Duration d, double f) {
        return Duration.ofMillis((long) (d.toMillis() * f));
    }
}
