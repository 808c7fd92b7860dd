package org.lnconform.harness.oracle;

import org.lnconform.wire.message.Pong;

/**
 * The next pong, or why none came.
 *
 * @param pong   the pong, or null
 * @param why    what happened instead, in the spec's words
 * @param closed the node closed the connection
 */
public record PongWait(Pong pong, String why, boolean closed) {}
