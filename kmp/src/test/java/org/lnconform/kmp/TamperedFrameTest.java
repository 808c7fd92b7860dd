package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.TransportException;

/** Both stacks refuse a frame with any single bit flipped, in the header or in the body. */
@DisplayName("BOLT 8 transport: tampered frames are refused by both stacks")
class TamperedFrameTest {

    @Test
    @DisplayName("a flipped bit anywhere in a frame fails both decryptors")
    void flippedBitFailsBoth() throws Exception {
        Random r = Seeds.random(3);
        byte[] message = new byte[40];
        r.nextBytes(message);
        for (int bit = 0; bit < (message.length + 34) * 8; bit += 7) {
            var k = HandshakeDifferentialTest.KeySet.random(r);
            var c = HandshakeDifferentialTest.crossHandshake(k, Seeds.describe());
            byte[] frame = c.oursInitiator().encryptor().encrypt(message);
            frame[bit / 8] ^= (byte) (1 << (bit % 8));
            int flipped = bit;
            assertThatThrownBy(() -> c.kmpResponder().decryptFrame(frame))
                    .as("kmp, bit %d, %s", flipped, Seeds.describe()).isInstanceOf(KmpException.class);
            assertThatThrownBy(() -> c.oursResponder().decryptor().decryptFrame(frame))
                    .as("ours, bit %d, %s", flipped, Seeds.describe()).isInstanceOf(TransportException.class);
        }
    }
}
