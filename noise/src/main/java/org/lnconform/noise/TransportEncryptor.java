package org.lnconform.noise;

import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * Sending half of a BOLT 8 session: each message becomes an encrypted 2-byte length with its
 * tag (18 bytes), then the encrypted body with its tag. Not thread-safe: one writer at a time.
 */
public final class TransportEncryptor {

    /** Largest message BOLT 8 can carry (the length prefix is two bytes). */
    public static final int MAX_MESSAGE_LENGTH = 65535;
    /** Encrypted length header: 2 bytes plus a 16-byte tag. */
    public static final int HEADER_LENGTH = 18;
    /** Bytes a message grows by on the wire: the header and the body's tag. */
    public static final int OVERHEAD = HEADER_LENGTH + ChaChaPoly.TAG_LENGTH;

    private static final byte[] NO_AD = new byte[0];

    private final CipherState state;
    private final byte[] lengthBuf = new byte[2];

    TransportEncryptor(CipherState state) {
        this.state = state;
    }

    /** Wire size of a message of {@code length} bytes. */
    public static int frameLength(int length) {
        return length + OVERHEAD;
    }

    /**
     * Encrypts {@code msg[off, off+len)} into {@code out} at {@code outOff} and returns the
     * number of bytes written ({@code len + 34}).
     */
    public int encrypt(byte[] msg, int off, int len, byte[] out, int outOff) throws TransportException {
        if (len > MAX_MESSAGE_LENGTH) {
            throw new TransportException(TransportError.MESSAGE_TOO_LONG,
                    "message of " + len + " bytes exceeds the 65535-byte limit");
        }
        // check every argument before the first seal: a failure must not consume a nonce
        java.util.Objects.checkFromIndexSize(off, len, msg.length);
        java.util.Objects.checkFromIndexSize(outOff, frameLength(len), out.length);
        lengthBuf[0] = (byte) (len >>> 8);
        lengthBuf[1] = (byte) len;
        int n = state.cipher().seal(state.nonce(), NO_AD, lengthBuf, 0, 2, out, outOff);
        state.advance();
        n += state.cipher().seal(state.nonce(), NO_AD, msg, off, len, out, outOff + n);
        state.advance();
        return n;
    }

    /** Encrypts a whole message into a new array. */
    public byte[] encrypt(byte[] msg) throws TransportException {
        if (msg.length > MAX_MESSAGE_LENGTH) {
            throw new TransportException(TransportError.MESSAGE_TOO_LONG,
                    "message of " + msg.length + " bytes exceeds the 65535-byte limit");
        }
        byte[] out = new byte[frameLength(msg.length)];
        encrypt(msg, 0, msg.length, out, 0);
        return out;
    }

    /** Nonce the next encryption will use (for tests and traces). */
    public long nonce() {
        return state.nonce();
    }

    /** How many times the sending key has been rotated. */
    public long rotations() {
        return state.rotations();
    }
}
