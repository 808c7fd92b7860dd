package org.lnconform.tck;

/**
 * A case that could not be judged (verdict ERROR: the harness or the infrastructure failed). Not an
 * {@link AssertionError}, so build tools report it as a test error, never as a conformance failure.
 */
public final class ConformanceError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConformanceError(String message) {
        super(message, null, false, false);
    }
}
