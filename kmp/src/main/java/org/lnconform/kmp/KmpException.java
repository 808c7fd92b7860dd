package org.lnconform.kmp;

/**
 * lightning-kmp refused an input: a handshake act, a transport frame or a message. The cause is
 * lightning-kmp's own exception, kept as is so a report can say exactly what it did.
 */
public final class KmpException extends Exception {

    private static final long serialVersionUID = 1L;

    public KmpException(String message, Throwable cause) {
        super(message + (cause == null ? "" : ": " + describe(cause)), cause);
    }

    public KmpException(String message) {
        super(message);
    }

    /** {@code SimpleClassName(message)} of a throwable, the form findings quote. */
    public static String describe(Throwable t) {
        return t.getClass().getSimpleName() + "(" + t.getMessage() + ")";
    }
}
