package org.lnconform.noise;

/** The BOLT 8 transport rejected a frame; {@link #error()} says why. */
public final class TransportException extends Exception {

    private final TransportError error;

    public TransportException(TransportError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public TransportError error() {
        return error;
    }
}
