package org.lnconform.harness.model;

import java.util.List;

/**
 * The plain handshake and init exchange made before any case. If it fails, no case runs: the
 * run reports this one line as the likely cause (wrong public key, not a Lightning node, a
 * silent port, no init), with the wire trace as evidence, and nothing about the node's conformance.
 *
 * @param passed     the handshake completed and the node's init arrived
 * @param reason     one line: what happened and its likely cause
 * @param durationMs how long the preflight took
 * @param trace      the wire events (times from the start of the preflight)
 */
public record Preflight(boolean passed, String reason, long durationMs, List<TraceEvent> trace) {

    public Preflight {
        trace = List.copyOf(trace);
    }
}
