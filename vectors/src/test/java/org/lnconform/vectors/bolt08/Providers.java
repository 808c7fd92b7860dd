package org.lnconform.vectors.bolt08;

import java.util.List;
import org.lnconform.noise.crypto.BouncyCastleChaChaPoly;
import org.lnconform.noise.crypto.BouncyCastleSecp256k1;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.noise.crypto.HybridChaChaPoly;
import org.lnconform.noise.crypto.JdkChaChaPoly;
import org.lnconform.noise.crypto.NativeSecp256k1;

/** Every crypto combination the vectors are replayed with: each must pass all of them. */
final class Providers {

    private Providers() {}

    static List<CryptoProvider> all() {
        NativeSecp256k1 nat = NativeSecp256k1.load();
        BouncyCastleSecp256k1 bc = new BouncyCastleSecp256k1();
        return List.of(
                CryptoProvider.defaults(),
                CryptoProvider.pureJava(),
                new CryptoProvider(nat, JdkChaChaPoly.FACTORY),
                new CryptoProvider(bc, JdkChaChaPoly.FACTORY),
                new CryptoProvider(nat, BouncyCastleChaChaPoly.FACTORY),
                // threshold 0 and 1 force each half of the hybrid through every vector
                new CryptoProvider(nat, HybridChaChaPoly.factory(1)));
    }
}
