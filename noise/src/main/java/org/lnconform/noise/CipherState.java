package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * One direction of the BOLT 8 transport: its key, nonce and chaining key. After the key has
 * been used 1000 times it is rotated: {@code ck, k = HKDF(ck, k)} and the nonce restarts at 0.
 */
final class CipherState {

    static final int ROTATE_AFTER = 1000;

    private final ChaChaPoly.Factory aead;
    private byte[] ck;
    private byte[] key;
    private ChaChaPoly cipher;
    private long nonce;
    private long rotations;

    CipherState(ChaChaPoly.Factory aead, byte[] key, byte[] ck) {
        this.aead = aead;
        this.key = key.clone();
        this.ck = ck.clone();
        this.cipher = aead.forKey(this.key);
    }

    ChaChaPoly cipher() {
        return cipher;
    }

    long nonce() {
        return nonce;
    }

    long rotations() {
        return rotations;
    }

    byte[] key() {
        return key.clone();
    }

    byte[] chainingKey() {
        return ck.clone();
    }

    /** Counts one use of the key and rotates it when it reaches 1000 uses. */
    void advance() {
        nonce++;
        if (nonce == ROTATE_AFTER) {
            byte[][] next = SymmetricState.hkdf(ck, key);
            Arrays.fill(key, (byte) 0);
            ck = next[0];
            key = next[1];
            cipher = aead.forKey(key);
            nonce = 0;
            rotations++;
        }
    }
}
