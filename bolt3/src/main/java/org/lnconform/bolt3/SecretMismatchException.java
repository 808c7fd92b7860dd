package org.lnconform.bolt3;

/**
 * A received per-commitment secret that does not derive a secret already stored: the two were
 * not generated from the same seed (BOLT 3, Efficient Per-commitment Secret Storage).
 */
public final class SecretMismatchException extends Exception {

    private final long index;
    private final long contradictedIndex;

    public SecretMismatchException(long index, long contradictedIndex) {
        super("the secret for index " + index + " does not derive the stored secret for index " + contradictedIndex);
        this.index = index;
        this.contradictedIndex = contradictedIndex;
    }

    /** The index of the rejected secret. */
    public long index() {
        return index;
    }

    /** The index of the stored secret it fails to derive. */
    public long contradictedIndex() {
        return contradictedIndex;
    }
}
