package org.lnconform.kmp;

import java.util.Random;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.noise.crypto.Secp256k1;

/**
 * Seeds for the randomized differential tests. Each test class starts from {@link #BASE},
 * settable with {@code -Dlnconform.kmp.seed=...}, and puts the seed in every failure message so
 * a failing run can be repeated exactly.
 */
final class Seeds {

    static final long BASE = Long.getLong("lnconform.kmp.seed", 0x4c4e_636f_6e66L);

    private Seeds() {}

    /** A random generator for one test, derived from the base seed and a per-test salt. */
    static Random random(long salt) {
        return new Random(BASE ^ (salt * 0x9E37_79B9_7F4A_7C15L));
    }

    /** "seed=0x… (rerun with -Dlnconform.kmp.seed=…)", for failure messages. */
    static String describe() {
        return "seed=0x" + Long.toHexString(BASE) + " (rerun with -Dlnconform.kmp.seed=" + BASE + ")";
    }

    static final Secp256k1 SECP = CryptoProvider.defaults().secp256k1();

    /** A valid secp256k1 private key drawn from {@code random}. */
    static byte[] privateKey(Random random) {
        byte[] k = new byte[32];
        do {
            random.nextBytes(k);
        } while (!SECP.isValidPrivateKey(k));
        return k;
    }
}
