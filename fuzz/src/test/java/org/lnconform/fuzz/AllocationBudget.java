package org.lnconform.fuzz;

import java.lang.management.ManagementFactory;

/**
 * Measures what the current thread allocates while a decoder runs, so a target can assert that a
 * length field read from the input (a TLV length claiming 2^60, a u16 past the end) never makes
 * a decoder allocate more than the input could justify. Uses HotSpot's per-thread allocation
 * counter; where it is missing the check is skipped rather than guessed.
 */
final class AllocationBudget {

    /** Fixed allowance for exceptions, messages, stack traces and the instrumentation's own work. */
    static final long BASE = 4L << 20;
    /** Allowance per input byte: each byte may be copied a few times (Bytes, TLV values, records). */
    static final long PER_INPUT_BYTE = 16;

    private static final com.sun.management.ThreadMXBean THREADS = threads();

    private AllocationBudget() {
    }

    /** Something that decodes and may throw the decoder's checked error. */
    @FunctionalInterface
    interface Decoding<T, E extends Exception> {
        T run() throws E;
    }

    /**
     * Runs {@code decoding}, then fails if it allocated more than the budget for
     * {@code inputLength} bytes. An overrun is measured once more before failing, since the
     * first call of a decoder also pays for loading and initialising its classes; decoders are
     * deterministic, so a real overrun repeats.
     */
    static <T, E extends Exception> T within(int inputLength, Decoding<T, E> decoding) throws E {
        long budget = BASE + PER_INPUT_BYTE * inputLength;
        long before = allocated();
        try {
            return decoding.run();
        } finally {
            if (before >= 0 && allocated() - before > budget) {
                long again = allocated();
                try {
                    decoding.run();
                } catch (Exception expected) {
                    // the same outcome as the first run, which the caller sees
                }
                long used = allocated() - again;
                if (used > budget) {
                    throw new AssertionError("decoding " + inputLength + " bytes allocated " + used
                            + " bytes, over the budget of " + budget);
                }
            }
        }
    }

    private static long allocated() {
        return THREADS == null ? -1 : THREADS.getCurrentThreadAllocatedBytes();
    }

    private static com.sun.management.ThreadMXBean threads() {
        if (ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean t
                && t.isThreadAllocatedMemorySupported()) {
            t.setThreadAllocatedMemoryEnabled(true);
            return t;
        }
        return null;
    }
}
