package org.lnconform.harness.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.Preflight;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.oracle.GarbledFrame;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.LimitExceeded;
import org.lnconform.harness.target.Target;
import org.lnconform.wire.feature.FeatureTable;

/**
 * Runs cases against one target over parallel connections, after a preflight; cases that must run
 * alone ({@link ConformanceCase#alone()}) run last, one at a time, each after a
 * {@link Bounds#settle()} pause. Every case has a wall bound from its own start
 * ({@link Bounds#caseTotal()}): past it the case is ERROR "timed out", its connections are closed
 * and whatever it does afterwards is never reported. So a run against any node ends within
 * {@link Bounds#runBound(int, int, int)} after the preflight.
 */
public final class Runner {

    private final Target target;
    private final Bounds bounds;
    private final int parallelism;
    private final Keylog keylog;
    private final Supplier<NodeDialer> dialers;
    private final Consumer<CaseResult> progress;
    private final FeatureTable table = FeatureTable.bolt9();
    private long seed = 1;
    private boolean preflight = true;

    /**
     * @param dialers makes a dialer per initiator-side case, or null if the node cannot be made to dial
     * @param progress told about each result exactly once, as soon as it is known (from worker threads)
     */
    public Runner(Target target, Bounds bounds, int parallelism, Keylog keylog, Supplier<NodeDialer> dialers,
            Consumer<CaseResult> progress) {
        this.target = target;
        this.bounds = bounds;
        this.parallelism = Math.max(1, parallelism);
        this.keylog = keylog;
        this.dialers = dialers;
        this.progress = progress;
    }

    /** A runner with default bounds whose dialers come from the target's dial-back, if it has one. */
    public static Runner forTarget(Target target, int parallelism, Consumer<CaseResult> progress) {
        Supplier<NodeDialer> d = target.dialBack().<Supplier<NodeDialer>>map(db -> () -> new DialBackDialer(db))
                .orElse(null);
        return new Runner(target, Bounds.defaults(), parallelism, Keylog.NONE, d, progress);
    }

    /** The seed each case derives its keys and ids from (recorded in the report); default 1. */
    public Runner seed(long s) {
        this.seed = s;
        return this;
    }

    /** Whether to make the preflight exchange before responder-side cases (default: yes). */
    public Runner preflight(boolean on) {
        this.preflight = on;
        return this;
    }

    public RunReport run(List<ConformanceCase> cases) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Preflight pre = null;
        if (preflight && cases.stream().anyMatch(c -> c.info().side() == Side.RESPONDER)) {
            pre = PreflightCheck.run(target.uri(), bounds, new CaseRandom(seed, "preflight").nodeKey(), table);
            if (!pre.passed()) {
                return new RunReport(target.describe(), started, (System.nanoTime() - t0) / 1_000_000, List.of(), seed,
                        pre);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, daemon("lnconform-case"));
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(daemon("lnconform-bound"));
        List<CompletableFuture<CaseResult>> futures = new ArrayList<>();
        for (ConformanceCase c : cases) {
            CompletableFuture<CaseResult> done = new CompletableFuture<>();
            done.thenAccept(progress);
            futures.add(done);
            if (!c.alone()) {
                pool.submit(() -> runBounded(c, done, watchdog));
            }
        }
        List<CaseResult> results = new ArrayList<>();
        try {
            // every other case has ended (and closed its connections) before the first that runs alone
            for (int i = 0; i < futures.size(); i++) {
                if (!cases.get(i).alone()) {
                    futures.get(i).get();
                }
            }
            for (int i = 0; i < futures.size(); i++) {
                if (cases.get(i).alone()) {
                    ConformanceCase c = cases.get(i);
                    CompletableFuture<CaseResult> done = futures.get(i);
                    Thread.sleep(bounds.settle().toMillis());
                    pool.submit(() -> runBounded(c, done, watchdog));
                    done.get(); // its result (or its timeout), so the next one is alone too
                }
            }
            for (CompletableFuture<CaseResult> f : futures) {
                results.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("a case result failed to arrive", e.getCause());
        } finally {
            pool.shutdownNow();
            watchdog.shutdownNow();
        }
        return new RunReport(target.describe(), started, (System.nanoTime() - t0) / 1_000_000, results, seed, pre);
    }

    /** Runs one case on this worker; a watchdog reports it ERROR if it outlives its bound. */
    private void runBounded(ConformanceCase c, CompletableFuture<CaseResult> done, ScheduledExecutorService watchdog) {
        if (done.isDone()) {
            return;
        }
        CaseContext ctx = new CaseContext(target.uri(), bounds, table, keylog, dialers == null ? null : dialers.get(),
                new CaseRandom(seed, c.info().id()), target.chainHash().orElse(null));
        Thread worker = Thread.currentThread();
        long t0 = System.nanoTime();
        ScheduledFuture<?> timer = watchdog.schedule(() -> {
            CaseResult r = new CaseResult(c.info(), Verdict.ERROR, null, c.expected(), "timed out: the case did not"
                    + " finish within its bound of " + bounds.caseTotal().toMillis() + " ms; its connections were"
                    + " closed and nothing it does later is reported (a bound of the harness, not a verdict)",
                    bounds.caseTotal().toMillis(),
                    ctx.trace().events());
            if (done.complete(r)) {
                ctx.closeAll();
                worker.interrupt();
            }
        }, bounds.caseTotal().toNanos(), TimeUnit.NANOSECONDS);
        CaseResult r = runOne(c, ctx, t0);
        timer.cancel(false);
        done.complete(r);
        Thread.interrupted(); // a late watchdog interrupt must not leak into the next case on this thread
    }

    private static CaseResult runOne(ConformanceCase c, CaseContext ctx, long t0) {
        Verdict verdict;
        Outcome outcome = null;
        String observed;
        try {
            Evidence e;
            try {
                e = c.body().run(ctx);
            } catch (GarbledFrame g) {
                e = g.evidence(); // the BOLT 8 finding ends the case, whatever it was waiting for
            }
            outcome = e.outcome();
            observed = outcome == Outcome.GARBLED ? e.observed() + "; " + ownRequirement(c.info(), e.before())
                    : e.observed();
            verdict = judge(c.info(), outcome);
        } catch (Unsupported u) {
            verdict = Verdict.UNSUPPORTED;
            observed = u.getMessage();
        } catch (CaseError | LimitExceeded e) {
            verdict = Verdict.ERROR;
            observed = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            verdict = Verdict.ERROR;
            observed = "interrupted";
        } catch (Exception | AssertionError e) {
            verdict = Verdict.ERROR;
            observed = "harness failure: " + e;
        } finally {
            ctx.closeAll();
        }
        return new CaseResult(c.info(), verdict, outcome, c.expected(), observed, (System.nanoTime() - t0) / 1_000_000,
                ctx.trace().events());
    }

    /**
     * PASS if the outcome is allowed, INFO if the wire cannot judge it; a garbled frame is a
     * BOLT 8 violation and FAIL whatever the case's level; otherwise the level decides how bad it is.
     */
    public static Verdict judge(CaseInfo info, Outcome outcome) {
        if (outcome == Outcome.GARBLED) {
            return Verdict.FAIL;
        }
        if (info.allowed().contains(outcome)) {
            return Verdict.PASS;
        }
        if (info.inconclusive().contains(outcome)) {
            return Verdict.INFO;
        }
        return info.level() == Level.MUST ? Verdict.FAIL : info.level() == Level.SHOULD ? Verdict.NON_STRICT : Verdict.INFO;
    }

    /**
     * After a garbled frame (itself a BOLT 8 FAIL), the case's own requirement judged on what came
     * before it: a verdict when every outcome still possible gets the same one, otherwise "not judged".
     */
    public static String ownRequirement(CaseInfo info, java.util.Set<Outcome> stillPossible) {
        String reqs = "the case's own requirement (" + String.join(", ", info.requirements()) + ")";
        java.util.Set<Verdict> verdicts = java.util.EnumSet.noneOf(Verdict.class);
        stillPossible.forEach(o -> verdicts.add(judge(info, o)));
        if (verdicts.size() != 1) {
            return reqs + " not judged: the garbled frame came before the exchange showed it";
        }
        return reqs + " judged apart: " + verdicts.iterator().next() + " on what the node sent before the garbled frame"
                + " (the exchange could only have ended " + stillPossible.stream().sorted().map(Outcome::name)
                        .collect(java.util.stream.Collectors.joining(" or ")) + ")";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
