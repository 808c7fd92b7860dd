package org.lnconform.noise;

import java.security.SecureRandom;
import org.lnconform.noise.crypto.Secp256k1;

/**
 * Where a handshake gets its ephemeral private key. Real sessions draw from a CSPRNG; a fixed
 * key exists only so BOLT 8's test vectors can be replayed byte for byte.
 */
@FunctionalInterface
public interface EphemeralKeys {

    /** A new 32-byte private key, valid for secp256k1. */
    byte[] next(Secp256k1 secp);

    /** Fresh keys from the given CSPRNG. */
    static EphemeralKeys from(SecureRandom random) {
        return secp -> {
            byte[] k = new byte[32];
            do {
                random.nextBytes(k);
            } while (!secp.isValidPrivateKey(k));
            return k;
        };
    }

    /** Fresh keys from the process-wide CSPRNG (SecureRandom is thread-safe; seeding one per handshake is waste). */
    static EphemeralKeys secureRandom() {
        return Shared.KEYS;
    }

    /** The shared CSPRNG, created on first use. */
    final class Shared {
        static final SecureRandom RANDOM = new SecureRandom();
        static final EphemeralKeys KEYS = from(RANDOM);

        private Shared() {}
    }

    /** Always the same key. Only for replaying the spec's test vectors: never for a real connection. */
    static EphemeralKeys fixedForTestVectors(byte[] privateKey) {
        byte[] k = privateKey.clone();
        return secp -> k.clone();
    }
}
