package org.lnconform.bolt3;

import java.util.Optional;

/**
 * BOLT 3, Efficient Per-commitment Secret Storage: at most 49 (secret, index) pairs, one per
 * count of trailing zero bits, from which every secret received so far can be derived.
 */
public final class PerCommitmentSecretStore {

    private final byte[][] secrets = new byte[49][];
    private final long[] indices = new long[49];

    /** {@code where_to_put_secret(I)}: the number of trailing zero bits of I (48 for I = 0). */
    static int bucket(long index) {
        return index == 0 ? 48 : Long.numberOfTrailingZeros(index);
    }

    /**
     * {@code insert_secret(secret, I)}: checks that the new secret derives every stored secret of
     * a lower bucket, then keeps it. A failed check leaves the store unchanged.
     */
    public void insert(byte[] secret, long index) throws SecretMismatchException {
        if (index < 0 || index > PerCommitmentSecret.FIRST_INDEX) {
            throw new IllegalArgumentException("index is 48 bits: " + index);
        }
        int b = bucket(index);
        for (int i = 0; i < b; i++) {
            if (secrets[i] == null) {
                continue;
            }
            byte[] derived = PerCommitmentSecret.deriveSecret(secret, b, indices[i]);
            if (!java.util.Arrays.equals(derived, secrets[i])) {
                throw new SecretMismatchException(index, indices[i]);
            }
        }
        secrets[b] = secret.clone();
        indices[b] = index;
    }

    /** {@code derive_old_secret(I)}: the secret for I, if a stored secret has I's prefix. */
    public Optional<byte[]> deriveOld(long index) {
        for (int b = 0; b < secrets.length; b++) {
            if (secrets[b] == null) {
                continue;
            }
            long mask = b == 48 ? 0 : ~((1L << b) - 1);
            if ((index & mask) == indices[b]) {
                return Optional.of(PerCommitmentSecret.deriveSecret(secrets[b], b, index));
            }
        }
        return Optional.empty();
    }
}
