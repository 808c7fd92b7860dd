package org.lnconform.harness.cases;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;

/** Key material for probes. */
final class Keys {

    private Keys() {}

    /** 0x02 followed by the smallest x for which no curve point exists. */
    static byte[] offCurve() {
        byte[] k = new byte[33];
        k[0] = 2;
        for (int x = 1; x < 256; x++) {
            k[32] = (byte) x;
            if (!Secp256k1Points.isValidCompressed(Bytes.of(k))) {
                return k;
            }
        }
        throw new IllegalStateException("no off-curve x below 256");
    }
}
