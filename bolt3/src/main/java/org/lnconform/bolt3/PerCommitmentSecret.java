package org.lnconform.bolt3;

/**
 * BOLT 3, Per-commitment Secret Requirements: the I'th secret derived from a 256-bit seed by
 * flipping, from bit 47 down, each bit set in I and hashing after every flip.
 */
public final class PerCommitmentSecret {

    /** The first secret used has index 2^48 - 1; indices then count down. */
    public static final long FIRST_INDEX = (1L << 48) - 1;

    private PerCommitmentSecret() {
    }

    /** {@code generate_from_seed(seed, I)}. */
    public static byte[] generateFromSeed(byte[] seed, long index) {
        return deriveSecret(seed, 48, index);
    }

    /**
     * {@code derive_secret(base, bits, I)}: from a secret whose index shares bits {@code bits..47}
     * with I, the secret for I. "flip(B)" toggles bit (B mod 8) of byte (B div 8).
     */
    public static byte[] deriveSecret(byte[] base, int bits, long index) {
        if (base.length != 32) {
            throw new IllegalArgumentException("a per-commitment secret is 32 bytes, not " + base.length);
        }
        if (index < 0 || index > FIRST_INDEX) {
            throw new IllegalArgumentException("index is 48 bits: " + index);
        }
        byte[] p = base.clone();
        for (int b = bits - 1; b >= 0; b--) {
            if (((index >>> b) & 1) != 0) {
                p[b / 8] ^= (byte) (1 << (b % 8));
                p = Hashes.sha256(p);
            }
        }
        return p;
    }
}
