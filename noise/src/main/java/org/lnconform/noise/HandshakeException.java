package org.lnconform.noise;

/** A BOLT 8 handshake act was rejected; {@link #error()} says which rule failed. */
public final class HandshakeException extends Exception {

    private final HandshakeError error;

    public HandshakeException(HandshakeError error, String detail) {
        super(error + ": " + detail);
        this.error = error;
    }

    public HandshakeError error() {
        return error;
    }
}
