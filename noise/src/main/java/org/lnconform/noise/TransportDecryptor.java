package org.lnconform.noise;

import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * Receiving half of a BOLT 8 session, in two phases as frames arrive: first the 18-byte
 * header ({@link #decryptLength}), then the body and its tag ({@link #decryptBody}). Any
 * failure is final: BOLT 8 requires closing the connection, and every later call fails too.
 */
public final class TransportDecryptor {

    private static final byte[] NO_AD = new byte[0];

    private final CipherState state;
    private final byte[] lengthBuf = new byte[2];
    private int pendingLength = -1;
    private boolean failed;

    TransportDecryptor(CipherState state) {
        this.state = state;
    }

    /** Authenticates and decrypts the 18-byte header at {@code in[off]}; returns the body length (0..65535). */
    public int decryptLength(byte[] in, int off, int len) throws TransportException {
        check();
        if (pendingLength >= 0) {
            throw fail(TransportError.OUT_OF_ORDER, "a body of " + pendingLength + " bytes is due, not a header");
        }
        if (len < TransportEncryptor.HEADER_LENGTH) {
            throw fail(TransportError.SHORT_READ, "header needs 18 bytes, got " + len);
        }
        java.util.Objects.checkFromIndexSize(off, TransportEncryptor.HEADER_LENGTH, in.length);
        try {
            state.cipher().open(state.nonce(), NO_AD, in, off, TransportEncryptor.HEADER_LENGTH, lengthBuf, 0);
        } catch (ChaChaPoly.BadTagException e) {
            throw fail(TransportError.BAD_LENGTH_TAG, "length header does not authenticate (nonce " + state.nonce() + ")");
        }
        state.advance();
        pendingLength = ((lengthBuf[0] & 0xff) << 8) | (lengthBuf[1] & 0xff);
        return pendingLength;
    }

    /** Same, for an array holding exactly the header. */
    public int decryptLength(byte[] header) throws TransportException {
        return decryptLength(header, 0, header.length);
    }

    /**
     * Authenticates and decrypts the body announced by the last header: {@code len} must be that
     * length plus 16. Writes the plaintext to {@code out} at {@code outOff} and returns its length.
     */
    public int decryptBody(byte[] in, int off, int len, byte[] out, int outOff) throws TransportException {
        check();
        if (pendingLength < 0) {
            throw fail(TransportError.OUT_OF_ORDER, "no header was decrypted before this body");
        }
        if (len != pendingLength + ChaChaPoly.TAG_LENGTH) {
            throw fail(TransportError.SHORT_READ,
                    "body needs " + (pendingLength + ChaChaPoly.TAG_LENGTH) + " bytes, got " + len);
        }
        java.util.Objects.checkFromIndexSize(off, len, in.length);
        java.util.Objects.checkFromIndexSize(outOff, pendingLength, out.length);
        try {
            state.cipher().open(state.nonce(), NO_AD, in, off, len, out, outOff);
        } catch (ChaChaPoly.BadTagException e) {
            throw fail(TransportError.BAD_BODY_TAG, "message body does not authenticate (nonce " + state.nonce() + ")");
        }
        state.advance();
        int n = pendingLength;
        pendingLength = -1;
        return n;
    }

    /** Same, returning a new array. */
    public byte[] decryptBody(byte[] body) throws TransportException {
        check();
        byte[] out = new byte[Math.max(0, body.length - ChaChaPoly.TAG_LENGTH)];
        decryptBody(body, 0, body.length, out, 0);
        return out;
    }

    /** Decrypts one complete frame (header then body), e.g. for tests. */
    public byte[] decryptFrame(byte[] frame) throws TransportException {
        int n = decryptLength(frame, 0, frame.length);
        int bodyLen = n + ChaChaPoly.TAG_LENGTH;
        if (frame.length - TransportEncryptor.HEADER_LENGTH != bodyLen) {
            throw fail(TransportError.SHORT_READ, "frame announces " + n + " bytes but carries "
                    + (frame.length - TransportEncryptor.HEADER_LENGTH - ChaChaPoly.TAG_LENGTH));
        }
        byte[] out = new byte[n];
        decryptBody(frame, TransportEncryptor.HEADER_LENGTH, bodyLen, out, 0);
        return out;
    }

    /** True once any call has failed. */
    public boolean failed() {
        return failed;
    }

    /** Nonce the next decryption will use. */
    public long nonce() {
        return state.nonce();
    }

    /** How many times the receiving key has been rotated. */
    public long rotations() {
        return state.rotations();
    }

    private void check() throws TransportException {
        if (failed) {
            throw new TransportException(TransportError.FAILED_EARLIER, "the transport already failed");
        }
    }

    private TransportException fail(TransportError error, String detail) {
        failed = true;
        return new TransportException(error, detail);
    }
}
