package org.lnconform.harness.model;

/**
 * One event on the wire during a case, for the message-sequence diagram: who sent it, when
 * (ms since the case started), its kind ({@code act1}, {@code ping}, {@code close} …), its size
 * and a short decoded summary. Never carries keys.
 */
public record TraceEvent(long atMs, Direction direction, String kind, int size, String summary, String hex) {

    /** Who sent it. */
    public enum Direction {
        /** Harness to node. */
        SENT,
        /** Node to harness. */
        RECEIVED,
        /** A connection-level event (connect, close, timeout) or a note. */
        EVENT
    }
}
