package org.lnconform.harness.run;

/** The harness could not set the case up or carry it out: verdict ERROR, nothing said about the node. */
public final class CaseError extends Exception {
    public CaseError(String message) {
        super(message);
    }

    public CaseError(String message, Throwable cause) {
        super(message, cause);
    }
}
