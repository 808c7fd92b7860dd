package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.Hex;
import org.lnconform.noise.Session;

/**
 * BOLT 8 transport, ours against lightning-kmp: after one handshake per pairing, more than 1100
 * messages each way (past two key rotations at nonce 1000), with random sizes up to 65535,
 * encrypted by one stack and decrypted by the other. Both initiators hold the same keys, so their
 * frames must also be byte-identical.
 */
@DisplayName("BOLT 8 transport: lnconform vs lightning-kmp")
class TransportDifferentialTest {

    static final int MESSAGES = 1111;
    /** Sizes that cross a boundary: empty, one byte, the signed 16-bit edge, the maximum. */
    static final int[] EDGE_SIZES = {0, 1, 2, 255, 256, 32767, 32768, 32769, 65534, 65535};

    static HandshakeDifferentialTest.Crossed sessions;
    static List<byte[]> messages;

    @BeforeAll
    static void handshakeAndMessages() throws Exception {
        Random r = Seeds.random(2);
        sessions = HandshakeDifferentialTest.crossHandshake(HandshakeDifferentialTest.KeySet.random(r), Seeds.describe());
        messages = new ArrayList<>();
        for (int size : EDGE_SIZES) {
            messages.add(randomBytes(r, size));
        }
        while (messages.size() < MESSAGES) {
            // Mostly small messages, as on a real connection, and one in eight anywhere up to 65535.
            int size = r.nextInt(8) == 0 ? r.nextInt(65536) : r.nextInt(1024);
            messages.add(randomBytes(r, size));
        }
    }

    static byte[] randomBytes(Random r, int size) {
        byte[] b = new byte[size];
        r.nextBytes(b);
        return b;
    }

    @Test
    @DisplayName("initiator to responder: frames identical, each decrypted by the other stack")
    void initiatorToResponder() throws Exception {
        Session ours = sessions.oursInitiator();
        KmpTransport kmp = sessions.kmpInitiator();
        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            String ctx = "message #" + i + " (" + m.length + " bytes), " + Seeds.describe();
            byte[] oursFrame = ours.encryptor().encrypt(m);
            byte[] kmpFrame = kmp.encrypt(m);
            assertThat(Hex.encode(kmpFrame)).as("frame, %s", ctx).isEqualTo(Hex.encode(oursFrame));
            assertThat(sessions.kmpResponder().decryptFrame(oursFrame)).as("kmp decrypts ours, %s", ctx).isEqualTo(m);
            assertThat(sessions.oursResponder().decryptor().decryptFrame(kmpFrame)).as("ours decrypts kmp, %s", ctx)
                    .isEqualTo(m);
        }
        assertThat(ours.encryptor().rotations()).isGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("responder to initiator: frames identical, each decrypted by the other stack")
    void responderToInitiator() throws Exception {
        Session ours = sessions.oursResponder();
        KmpTransport kmp = sessions.kmpResponder();
        for (int i = 0; i < messages.size(); i++) {
            byte[] m = messages.get(i);
            String ctx = "message #" + i + " (" + m.length + " bytes), " + Seeds.describe();
            byte[] oursFrame = ours.encryptor().encrypt(m);
            byte[] kmpFrame = kmp.encrypt(m);
            assertThat(Hex.encode(kmpFrame)).as("frame, %s", ctx).isEqualTo(Hex.encode(oursFrame));
            assertThat(sessions.kmpInitiator().decryptFrame(oursFrame)).as("kmp decrypts ours, %s", ctx).isEqualTo(m);
            assertThat(sessions.oursInitiator().decryptor().decryptFrame(kmpFrame)).as("ours decrypts kmp, %s", ctx)
                    .isEqualTo(m);
        }
        assertThat(ours.encryptor().rotations()).isGreaterThanOrEqualTo(2);
    }
}
