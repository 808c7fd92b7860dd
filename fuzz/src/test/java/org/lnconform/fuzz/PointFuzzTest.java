package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import org.lnconform.noise.Hex;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;

/**
 * Compressed secp256k1 points (BOLT 1 {@code point}, BOLT 8 ephemeral and static keys): the wire
 * layer's pure check and every crypto provider of the noise layer must agree on which 33-byte
 * strings are points, since the handshake and the TLV decoder each rely on one of them.
 */
class PointFuzzTest {

    @FuzzTest
    void compressedPoint(byte[] input) {
        byte[] point = Arrays.copyOf(input, Secp256k1Points.COMPRESSED_SIZE);
        boolean wire = Secp256k1Points.isValidCompressed(Bytes.of(point));
        for (CryptoProvider crypto : Bolt8Fixture.PROVIDERS) {
            assertThat(crypto.secp256k1().isValidPublicKey(point))
                    .as("%s with %s", Hex.encode(point), crypto.describe()).isEqualTo(wire);
        }
    }
}
