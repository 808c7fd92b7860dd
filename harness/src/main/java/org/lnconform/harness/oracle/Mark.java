package org.lnconform.harness.oracle;

import org.lnconform.harness.probe.LimitExceeded;
import org.lnconform.harness.probe.ProbeSession;

/**
 * A mark taken when a wait starts, to tell a flood from silence when it ends: a node that kept
 * sending (64 KiB or 100 messages) but not what was awaited leaves a case the harness cannot
 * judge (ERROR), never a zombie or "no answer" verdict.
 */
record Mark(long bytes, int messages, long at) {

    static final long FLOOD_BYTES = 64L << 10;
    static final int FLOOD_MESSAGES = 100;

    static Mark of(ProbeSession s) {
        return new Mark(s.bytesRead(), s.messagesRead(), System.nanoTime());
    }

    /** Throws if the node sent a flood since the mark instead of what was awaited. */
    void notAFlood(ProbeSession s, String awaited) {
        long bytes = s.bytesRead() - this.bytes;
        int messages = s.messagesRead() - this.messages;
        if (bytes >= FLOOD_BYTES || messages >= FLOOD_MESSAGES) {
            throw new LimitExceeded("the node kept sending (" + messages + " messages, " + bytes + " bytes in "
                    + (System.nanoTime() - at) / 1_000_000 + " ms) but not " + awaited
                    + ": the harness cannot judge the case (a bound of the harness, not a verdict)");
        }
    }
}
