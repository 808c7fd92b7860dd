package org.lnconform.bench;

import org.lnconform.noise.crypto.BouncyCastleChaChaPoly;
import org.lnconform.noise.crypto.BouncyCastleSecp256k1;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.HybridChaChaPoly;
import org.lnconform.noise.crypto.JdkChaChaPoly;
import org.lnconform.noise.crypto.NativeSecp256k1;
import org.lnconform.noise.crypto.Secp256k1;

/** The implementations the benchmarks compare, by the names used as JMH parameters. */
final class Candidates {

    private Candidates() {}

    /** {@code bouncycastle}, {@code jdk}, {@code hybrid} (the noise default threshold), {@code conscrypt}
     * (direct buffers), {@code conscrypt-array} (Conscrypt's byte[] path), or {@code hybrid:N}
     * (the noise hybrid with threshold N). */
    static ChaChaPoly.Factory aead(String name) {
        switch (name) {
            case "bouncycastle":
                return BouncyCastleChaChaPoly.FACTORY;
            case "jdk":
                return JdkChaChaPoly.FACTORY;
            case "hybrid":
                return HybridChaChaPoly.factory(HybridChaChaPoly.DEFAULT_THRESHOLD);
            case "conscrypt":
                return ConscryptChaChaPoly.FACTORY;
            case "conscrypt-array":
                return ConscryptChaChaPoly.ARRAY_FACTORY;
            default:
                if (name.startsWith("hybrid:")) {
                    return HybridChaChaPoly.factory(Integer.parseInt(name.substring("hybrid:".length())));
                }
                throw new IllegalArgumentException("unknown AEAD candidate " + name);
        }
    }

    /** {@code libsecp256k1} (native, fails if it cannot load) or {@code bouncycastle}. */
    static Secp256k1 secp256k1(String name) {
        switch (name) {
            case "libsecp256k1":
                return NativeSecp256k1.load();
            case "bouncycastle":
                return new BouncyCastleSecp256k1();
            default:
                throw new IllegalArgumentException("unknown secp256k1 candidate " + name);
        }
    }
}
