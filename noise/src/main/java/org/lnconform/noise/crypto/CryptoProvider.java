package org.lnconform.noise.crypto;

import java.util.Locale;

/**
 * The crypto a BOLT 8 session uses: one secp256k1 implementation and one ChaCha20-Poly1305
 * factory. {@link #defaults()} picks the fastest correct pair for this JVM; {@link #pureJava()}
 * is the portable fallback. Both pass the same spec vectors.
 */
public record CryptoProvider(Secp256k1 secp256k1, ChaChaPoly.Factory aead) {

    /** Property that forces the AEAD: {@code bouncycastle}, {@code jdk} or {@code hybrid}. */
    public static final String AEAD_PROPERTY = "lnconform.crypto.aead";
    /** Property that forces secp256k1: {@code native} or {@code bouncycastle}. */
    public static final String SECP_PROPERTY = "lnconform.crypto.secp256k1";

    private static volatile CryptoProvider defaults;

    /** BouncyCastle for both: no native code. */
    public static CryptoProvider pureJava() {
        return new CryptoProvider(new BouncyCastleSecp256k1(), BouncyCastleChaChaPoly.FACTORY);
    }

    /**
     * libsecp256k1 when its native library loads (else BouncyCastle); for the AEAD, BouncyCastle
     * for small messages plus the JDK provider from 128 bytes up. Even JDK 17's provider, without
     * intrinsics, beats BouncyCastle from 32 B up in throughput (+70 % transport at 64 KiB), and
     * BouncyCastle keeps the lowest per-call cost below 128 B (bench/RESULTS.md).
     */
    public static CryptoProvider defaults() {
        CryptoProvider d = defaults;
        if (d == null) {
            d = new CryptoProvider(chooseSecp(), chooseAead());
            defaults = d;
        }
        return d;
    }

    /** One line for logs and reports, e.g. {@code secp256k1=libsecp256k1 aead=jdk}. */
    public String describe() {
        return "secp256k1=" + secp256k1.name() + " aead=" + aead.name();
    }

    private static Secp256k1 chooseSecp() {
        String forced = System.getProperty(SECP_PROPERTY, "").toLowerCase(Locale.ROOT);
        if (forced.equals("bouncycastle")) {
            return new BouncyCastleSecp256k1();
        }
        try {
            NativeSecp256k1 n = NativeSecp256k1.load();
            n.publicKey(new byte[] {
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
            return n;
        } catch (Throwable t) {
            if (forced.equals("native")) {
                throw new IllegalStateException("native libsecp256k1 requested but not loadable", t);
            }
            return new BouncyCastleSecp256k1();
        }
    }

    private static ChaChaPoly.Factory chooseAead() {
        String forced = System.getProperty(AEAD_PROPERTY, "").toLowerCase(Locale.ROOT);
        switch (forced) {
            case "bouncycastle":
                return BouncyCastleChaChaPoly.FACTORY;
            case "jdk":
                return JdkChaChaPoly.FACTORY;
            case "hybrid":
                return HybridChaChaPoly.factory(HybridChaChaPoly.DEFAULT_THRESHOLD);
            default:
                return HybridChaChaPoly.factory(HybridChaChaPoly.DEFAULT_THRESHOLD);
        }
    }
}
