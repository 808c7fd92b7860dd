package org.lnconform.harness.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.target.Target;
import org.lnconform.wire.feature.FeatureTable;

/**
 * Runs cases against one target over parallel connections. Every case is bounded: one that
 * overruns gets ERROR and its connections are closed, so a hanging node yields verdicts, not a
 * stuck suite.
 */
public final class Runner {

    private final Target target;
    private final Bounds bounds;
    private final int parallelism;
    private final Keylog keylog;
    private final Supplier<NodeDialer> dialers;
    private final Consumer<CaseResult> progress;
    private final FeatureTable table = FeatureTable.bolt9();

    /**
     * @param dialers makes a dialer per initiator-side case, or null if the node cannot be made to dial
     * @param progress told about each result as soon as it is known (from worker threads)
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

    public RunReport run(List<ConformanceCase> cases) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
            Thread t = new Thread(r, "lnconform-case");
            t.setDaemon(true);
            return t;
        });
        List<Future<CaseResult>> futures = new ArrayList<>();
        List<CaseContext> contexts = new ArrayList<>();
        for (ConformanceCase c : cases) {
            CaseContext ctx = new CaseContext(target.uri(), bounds, table, keylog,
                    dialers == null ? null : dialers.get());
            contexts.add(ctx);
            futures.add(pool.submit(() -> runOne(c, ctx)));
        }
        List<CaseResult> results = new ArrayList<>();
        long deadline = System.nanoTime() + bounds.caseTotal().toNanos() * Math.max(1, cases.size() / parallelism + 1);
        for (int i = 0; i < cases.size(); i++) {
            ConformanceCase c = cases.get(i);
            CaseResult r;
            try {
                long left = Math.max(bounds.caseTotal().toNanos(), deadline - System.nanoTime());
                r = futures.get(i).get(left, TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                futures.get(i).cancel(true);
                contexts.get(i).closeAll();
                r = new CaseResult(c.info(), Verdict.ERROR, null, c.expected(),
                        "the case did not finish within its bound; its connections were closed",
                        bounds.caseTotal().toMillis(), contexts.get(i).trace().events());
                progress.accept(r);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                r = new CaseResult(c.info(), Verdict.ERROR, null, c.expected(), "harness failure: " + e.getCause(),
                        0, contexts.get(i).trace().events());
                progress.accept(r);
            }
            results.add(r);
        }
        pool.shutdownNow();
        return new RunReport(target.describe(), started, (System.nanoTime() - t0) / 1_000_000, results);
    }

    private CaseResult runOne(ConformanceCase c, CaseContext ctx) {
        long t0 = System.nanoTime();
        Verdict verdict;
        Outcome outcome = null;
        String observed;
        try {
            Evidence e = c.body().run(ctx);
            outcome = e.outcome();
            observed = e.observed();
            verdict = judge(c.info(), outcome);
        } catch (Unsupported u) {
            verdict = Verdict.UNSUPPORTED;
            observed = u.getMessage();
        } catch (CaseError e) {
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
        CaseResult r = new CaseResult(c.info(), verdict, outcome, c.expected(), observed,
                (System.nanoTime() - t0) / 1_000_000, ctx.trace().events());
        progress.accept(r);
        return r;
    }

    /** PASS if the outcome is allowed, INFO if the wire cannot judge it; otherwise the level decides how bad it is. */
    public static Verdict judge(CaseInfo info, Outcome outcome) {
        if (info.allowed().contains(outcome)) {
            return Verdict.PASS;
        }
        if (info.inconclusive().contains(outcome)) {
            return Verdict.INFO;
        }
        return info.level() == Level.MUST ? Verdict.FAIL : info.level() == Level.SHOULD ? Verdict.NON_STRICT : Verdict.INFO;
    }
}
