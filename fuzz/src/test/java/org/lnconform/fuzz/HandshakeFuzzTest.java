package org.lnconform.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActThree;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeError;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.Hex;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.Secp256k1Points;

/**
 * BOLT 8 acts of arbitrary bytes in every state that reads one. Each outcome is predicted from
 * the bytes alone (length, version, point validity, which ciphertexts the spec's keys
 * authenticate) and must be the same under every crypto provider; the only accepted act is the
 * genuine one, since a fuzzer cannot forge a Poly1305 tag; and a state that has been used,
 * successfully or not, refuses a second act with {@link IllegalStateException}.
 */
class HandshakeFuzzTest {

    /** BOLT 8's acts are 50 or 66 bytes; a little beyond covers every length check. */
    static final int MAX_ACT = 100;

    /** Act Three ciphertexts (bytes 1..50) the spec's keys decrypt, and whether the key inside is a point. */
    private static final Map<String, HandshakeError> ACT_THREE_CIPHERTEXTS = actThreeCiphertexts();

    @FuzzTest
    void readActOne(byte[] input) {
        byte[] act = Arrays.copyOf(input, Math.min(input.length, MAX_ACT));
        String expected = expectActOne(act);
        for (CryptoProvider crypto : Bolt8Fixture.PROVIDERS) {
            AwaitingActOne state = Bolt8Fixture.responder(crypto);
            String outcome;
            try {
                outcome = "ok " + Hex.encode(state.readActOne(act).bytes());
            } catch (HandshakeException e) {
                outcome = e.error().name();
            }
            assertThat(outcome).as("Act One %s with %s", Hex.encode(act), crypto.describe()).isEqualTo(expected);
            assertThatThrownBy(() -> state.readActOne(Bolt8Fixture.ACT_ONE)).isInstanceOf(IllegalStateException.class);
        }
    }

    @FuzzTest
    void readActTwo(byte[] input) {
        byte[] act = Arrays.copyOf(input, Math.min(input.length, MAX_ACT));
        String expected = expectActTwo(act);
        for (CryptoProvider crypto : Bolt8Fixture.PROVIDERS) {
            AwaitingActTwo state = Bolt8Fixture.initiatorAwaitingActTwo(crypto);
            String outcome;
            try {
                AwaitingActTwo.ActThree three = state.readActTwo(act);
                assertThat(three.session().remoteStatic()).isEqualTo(Bolt8Fixture.RESPONDER_STATIC);
                outcome = "ok " + Hex.encode(three.bytes());
            } catch (HandshakeException e) {
                outcome = e.error().name();
            }
            assertThat(outcome).as("Act Two %s with %s", Hex.encode(act), crypto.describe()).isEqualTo(expected);
            assertThatThrownBy(() -> state.readActTwo(Bolt8Fixture.ACT_TWO)).isInstanceOf(IllegalStateException.class);
        }
    }

    @FuzzTest
    void readActThree(byte[] input) {
        byte[] act = Arrays.copyOf(input, Math.min(input.length, MAX_ACT));
        String expected = expectActThree(act);
        for (CryptoProvider crypto : Bolt8Fixture.PROVIDERS) {
            AwaitingActThree state = Bolt8Fixture.responderAwaitingActThree(crypto);
            String outcome;
            try {
                Session session = state.readActThree(act);
                assertThat(session.remoteStatic()).isEqualTo(Bolt8Fixture.INITIATOR_STATIC);
                outcome = "ok";
            } catch (HandshakeException e) {
                outcome = e.error().name();
            }
            assertThat(outcome).as("Act Three %s with %s", Hex.encode(act), crypto.describe()).isEqualTo(expected);
            assertThatThrownBy(() -> state.readActThree(Bolt8Fixture.ACT_THREE)).isInstanceOf(IllegalStateException.class);
        }
    }

    // BOLT 8, Act One (receiver): length, version 0, a valid ephemeral key, then the tag.
    private static String expectActOne(byte[] act) {
        if (act.length != Handshake.ACT_ONE_LENGTH) {
            return HandshakeError.ACT1_READ_FAILED.name();
        }
        if (act[0] != 0) {
            return HandshakeError.ACT1_BAD_VERSION.name();
        }
        if (!Secp256k1Points.isValidCompressed(Bytes.of(act, 1, 33))) {
            return HandshakeError.ACT1_BAD_PUBKEY.name();
        }
        return Arrays.equals(act, Bolt8Fixture.ACT_ONE) ? "ok " + Hex.encode(Bolt8Fixture.ACT_TWO)
                : HandshakeError.ACT1_BAD_TAG.name();
    }

    // BOLT 8, Act Two (receiver): the same checks as Act One, then Act Three is sent.
    private static String expectActTwo(byte[] act) {
        if (act.length != Handshake.ACT_TWO_LENGTH) {
            return HandshakeError.ACT2_READ_FAILED.name();
        }
        if (act[0] != 0) {
            return HandshakeError.ACT2_BAD_VERSION.name();
        }
        if (!Secp256k1Points.isValidCompressed(Bytes.of(act, 1, 33))) {
            return HandshakeError.ACT2_BAD_PUBKEY.name();
        }
        return Arrays.equals(act, Bolt8Fixture.ACT_TWO) ? "ok " + Hex.encode(Bolt8Fixture.ACT_THREE)
                : HandshakeError.ACT2_BAD_TAG.name();
    }

    // BOLT 8, Act Three (receiver): length, version, the encrypted static key, its validity, the final tag.
    private static String expectActThree(byte[] act) {
        if (act.length != Handshake.ACT_THREE_LENGTH) {
            return HandshakeError.ACT3_READ_FAILED.name();
        }
        if (act[0] != 0) {
            return HandshakeError.ACT3_BAD_VERSION.name();
        }
        HandshakeError known = ACT_THREE_CIPHERTEXTS.get(Hex.encode(act, 1, 49));
        if (known == null) {
            return HandshakeError.ACT3_BAD_CIPHERTEXT.name();
        }
        if (known == HandshakeError.ACT3_BAD_PUBKEY) {
            return known.name();
        }
        return Arrays.equals(act, Bolt8Fixture.ACT_THREE) ? "ok" : HandshakeError.ACT3_BAD_TAG.name();
    }

    /**
     * The responder vectors' Act Three ciphertexts that authenticate under the spec's keys: the
     * genuine one (its key is valid, so only the final tag decides) and the "bad rs" one.
     */
    private static Map<String, HandshakeError> actThreeCiphertexts() {
        Map<String, HandshakeError> out = new HashMap<>();
        out.put(Hex.encode(Bolt8Fixture.ACT_THREE, 1, 49), HandshakeError.ACT3_BAD_TAG);
        Bolt8Fixture.vectors(Bolt8Fixture.RESPONDER_FILE).stream()
                .filter(v -> "ACT3_BAD_PUBKEY".equals(v.get("expected_error").asText()))
                .forEach(v -> out.put(Hex.encode(Vectors.hex(v.get("act3_input")), 1, 49), HandshakeError.ACT3_BAD_PUBKEY));
        return Map.copyOf(out);
    }
}
