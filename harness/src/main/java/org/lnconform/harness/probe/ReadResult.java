package org.lnconform.harness.probe;

/** What a bounded read got: all the bytes asked for, a close, or the bound expiring. */
public sealed interface ReadResult {

    /** Every requested byte arrived. */
    record Data(byte[] bytes) implements ReadResult {}

    /** The node closed (FIN or reset) after {@code partial} bytes. */
    record Closed(byte[] partial, boolean reset) implements ReadResult {}

    /** The bound expired with the connection still open, after {@code partial} bytes. */
    record Silent(byte[] partial) implements ReadResult {}
}
