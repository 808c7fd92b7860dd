package org.lnconform.noise.crypto;

/**
 * ChaCha20-Poly1305 (RFC 8439) bound to one key, as BOLT 8 uses it: a 96-bit nonce made of
 * four zero bytes and a 64-bit little-endian counter, and a 16-byte tag after the ciphertext.
 * An instance is used by one direction of one connection; it is not thread-safe.
 */
public interface ChaChaPoly {

    int TAG_LENGTH = 16;

    /** Encrypts {@code in[inOff, inOff+inLen)} into {@code out} at {@code outOff}; returns {@code inLen + 16}. */
    int seal(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff);

    /**
     * Checks the tag and decrypts {@code in[inOff, inOff+inLen)} (ciphertext then tag) into {@code out};
     * returns {@code inLen - 16}.
     *
     * @throws BadTagException if the tag does not authenticate the ciphertext and associated data
     */
    int open(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff) throws BadTagException;

    /** Convenience: seal a whole array. */
    default byte[] seal(long nonce, byte[] ad, byte[] plaintext) {
        byte[] out = new byte[plaintext.length + TAG_LENGTH];
        seal(nonce, ad, plaintext, 0, plaintext.length, out, 0);
        return out;
    }

    /** Convenience: open a whole array. */
    default byte[] open(long nonce, byte[] ad, byte[] ciphertext) throws BadTagException {
        if (ciphertext.length < TAG_LENGTH) {
            throw new BadTagException();
        }
        byte[] out = new byte[ciphertext.length - TAG_LENGTH];
        open(nonce, ad, ciphertext, 0, ciphertext.length, out, 0);
        return out;
    }

    /** The 12-byte nonce BOLT 8 builds from a counter. */
    static byte[] nonce(long counter) {
        byte[] n = new byte[12];
        for (int i = 0; i < 8; i++) {
            n[4 + i] = (byte) (counter >>> (8 * i));
        }
        return n;
    }

    /** Makes keyed instances; one factory per implementation. */
    interface Factory {
        ChaChaPoly forKey(byte[] key);

        String name();
    }

    /** The tag did not verify. */
    final class BadTagException extends Exception {
        public BadTagException() {
            super("ChaCha20-Poly1305 tag mismatch", null, false, false);
        }
    }
}
