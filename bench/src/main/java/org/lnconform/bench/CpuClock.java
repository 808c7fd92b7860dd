package org.lnconform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A second clock for a shared machine: the benchmark thread's own CPU time. JMH's score is
 * operations per wall-clock second, which drops whenever another build takes the core;
 * {@link #cpuOpsPerSec()} is operations per second of CPU time this thread actually got, which
 * does not (it excludes JIT and GC threads, so allocation-heavy code looks slightly better).
 * Each benchmark calls {@link #tick()} once per operation.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.EVENTS)
public class CpuClock {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private long ops;
    private long startCpuNanos;
    private long startWallNanos;
    private long threadId;

    @Setup(Level.Iteration)
    public void start() {
        ops = 0;
        threadId = Thread.currentThread().getId();
        startWallNanos = System.nanoTime();
        startCpuNanos = THREADS.getCurrentThreadCpuTime();
    }

    /** One operation done. */
    public void tick() {
        ops++;
    }

    /** Operations per second of this thread's CPU time, over the iteration. */
    public double cpuOpsPerSec() {
        long cpu = cpuNanosNow() - startCpuNanos;
        return cpu <= 0 ? 0 : ops * 1e9 / cpu;
    }

    /** Share of the iteration's wall-clock time this thread was on a CPU, in percent. */
    public double cpuSharePct() {
        long wall = System.nanoTime() - startWallNanos;
        return wall <= 0 ? 0 : 100.0 * (cpuNanosNow() - startCpuNanos) / wall;
    }

    private long cpuNanosNow() {
        // JMH reads counters on the benchmark thread; guard against a change there.
        return Thread.currentThread().getId() == threadId
                ? THREADS.getCurrentThreadCpuTime()
                : THREADS.getThreadCpuTime(threadId);
    }
}
