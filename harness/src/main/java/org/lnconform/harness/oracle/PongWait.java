package org.lnconform.harness.oracle;

import org.lnconform.harness.probe.Incoming;
import org.lnconform.wire.message.Pong;

/**
 * The next pong, or why none came.
 *
 * @param pong   the pong, or null
 * @param why    what happened instead, in the spec's words
 * @param closed  the node closed the connection
 * @param garbled the frame that failed to decrypt instead of a pong (a BOLT 8 finding), or null
 */
public record PongWait(Pong pong, String why, boolean closed, Incoming.BadFrame garbled) {

    /** Neither a pong nor a close nor a garbled frame: the node stayed connected and silent. */
    public boolean silent() {
        return pong == null && !closed && garbled == null;
    }
}
