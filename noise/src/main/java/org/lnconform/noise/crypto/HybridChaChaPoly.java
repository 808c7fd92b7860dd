package org.lnconform.noise.crypto;

/**
 * Picks an implementation by message size: BouncyCastle below the threshold (its per-call
 * cost is lowest), the JDK's intrinsified provider at and above it (its throughput is highest).
 * On JDK 25 the two cross between 64 and 96 bytes; switching at 128 bytes was measured best on
 * both JDK 17 and 25 (see bench/RESULTS.md).
 */
public final class HybridChaChaPoly implements ChaChaPoly {

    public static final int DEFAULT_THRESHOLD = 128;

    private final ChaChaPoly small;
    private final ChaChaPoly large;
    private final int threshold;

    private HybridChaChaPoly(byte[] key, int threshold) {
        this.small = BouncyCastleChaChaPoly.FACTORY.forKey(key);
        this.large = JdkChaChaPoly.FACTORY.forKey(key);
        this.threshold = threshold;
    }

    /** A factory that switches at {@code threshold} plaintext bytes. */
    public static Factory factory(int threshold) {
        return new Factory() {
            @Override
            public ChaChaPoly forKey(byte[] key) {
                return new HybridChaChaPoly(key, threshold);
            }

            @Override
            public String name() {
                return "hybrid(bouncycastle<" + threshold + "<=jdk)";
            }
        };
    }

    @Override
    public int seal(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff) {
        return (inLen < threshold ? small : large).seal(nonce, ad, in, inOff, inLen, out, outOff);
    }

    @Override
    public int open(long nonce, byte[] ad, byte[] in, int inOff, int inLen, byte[] out, int outOff)
            throws BadTagException {
        return (inLen - TAG_LENGTH < threshold ? small : large).open(nonce, ad, in, inOff, inLen, out, outOff);
    }
}
