package org.lnconform.vectors.bolt08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActThree;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeError;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.Hex;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/** Replays BOLT 8 Appendix A's initiator and responder tests, every one, with every crypto provider. */
class HandshakeVectorTest {

    private static final JsonNode INITIATOR = VectorFile.data("bolt08-initiator.json");
    private static final JsonNode RESPONDER = VectorFile.data("bolt08-responder.json");

    @Test
    void theDataFilesHoldAllFifteenHandshakeVectors() {
        // 5 initiator tests (1 good + 4 negative) and 10 responder tests (1 good + 9 negative).
        assertThat(INITIATOR.size()).isEqualTo(5);
        assertThat(RESPONDER.size()).isEqualTo(10);
    }

    @TestFactory
    Stream<DynamicNode> initiatorTests() {
        return Providers.all().stream().map(p -> dynamicContainer(p.describe(),
                stream(INITIATOR).map(v -> dynamicTest(v.get("name").asText(), () -> replayInitiator(v, p)))));
    }

    @TestFactory
    Stream<DynamicNode> responderTests() {
        return Providers.all().stream().map(p -> dynamicContainer(p.describe(),
                stream(RESPONDER).map(v -> dynamicTest(v.get("name").asText(), () -> replayResponder(v, p)))));
    }

    private static void replayInitiator(JsonNode v, CryptoProvider crypto) throws Exception {
        NodeKey ls = NodeKey.of(hex(v, "ls.priv"), crypto.secp256k1());
        assertThat(ls.publicKeyHex()).isEqualTo(v.get("ls.pub").asText());
        InitiatorStart start = Handshake.initiator(ls, hex(v, "rs.pub"), crypto,
                EphemeralKeys.fixedForTestVectors(hex(v, "e.priv")));
        InitiatorStart.ActOne one = start.actOne();
        assertThat(Hex.encode(one.bytes())).isEqualTo(v.get("act1_output").asText());
        AwaitingActTwo awaiting = one.next();
        byte[] act2 = hex(v, "act2_input");
        if (v.get("expected_error").isNull()) {
            AwaitingActTwo.ActThree three = awaiting.readActTwo(act2);
            assertThat(Hex.encode(three.bytes())).isEqualTo(v.get("act3_output").asText());
            JsonNode keys = finalKeys(v);
            Session.Secrets s = three.session().secretsForKeylog();
            assertThat(Hex.encode(s.sendKey())).isEqualTo(keys.get("sk").asText());
            assertThat(Hex.encode(s.receiveKey())).isEqualTo(keys.get("rk").asText());
            assertThat(three.session().remoteStatic()).isEqualTo(hex(v, "rs.pub"));
        } else {
            HandshakeError expected = HandshakeError.valueOf(v.get("expected_error").asText());
            assertThatThrownBy(() -> awaiting.readActTwo(act2))
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.error()).isEqualTo(expected));
            // a failed state leaves nothing usable behind
            assertThatThrownBy(() -> awaiting.readActTwo(act2)).isInstanceOf(IllegalStateException.class);
        }
    }

    private static void replayResponder(JsonNode v, CryptoProvider crypto) throws Exception {
        NodeKey ls = NodeKey.of(hex(v, "ls.priv"), crypto.secp256k1());
        assertThat(ls.publicKeyHex()).isEqualTo(v.get("ls.pub").asText());
        AwaitingActOne start = Handshake.responder(ls, crypto, EphemeralKeys.fixedForTestVectors(hex(v, "e.priv")));
        HandshakeError expected = v.get("expected_error").isNull()
                ? null : HandshakeError.valueOf(v.get("expected_error").asText());
        byte[] act1 = hex(v, "act1_input");
        if (expected != null && expected.act() == 1) {
            assertThatThrownBy(() -> start.readActOne(act1))
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.error()).isEqualTo(expected));
            return;
        }
        AwaitingActOne.ActTwo two = start.readActOne(act1);
        assertThat(Hex.encode(two.bytes())).isEqualTo(v.get("act2_output").asText());
        AwaitingActThree awaiting = two.next();
        byte[] act3 = hex(v, "act3_input");
        if (expected != null) {
            assertThatThrownBy(() -> awaiting.readActThree(act3))
                    .isInstanceOfSatisfying(HandshakeException.class, e -> assertThat(e.error()).isEqualTo(expected));
            return;
        }
        Session session = awaiting.readActThree(act3);
        JsonNode keys = finalKeys(v);
        Session.Secrets s = session.secretsForKeylog();
        assertThat(Hex.encode(s.sendKey())).isEqualTo(keys.get("sk").asText());
        assertThat(Hex.encode(s.receiveKey())).isEqualTo(keys.get("rk").asText());
    }

    private static JsonNode finalKeys(JsonNode v) {
        for (JsonNode step : v.get("steps")) {
            if (step.has("keys")) {
                return step.get("keys");
            }
        }
        throw new IllegalStateException("vector " + v.get("name") + " has no final keys");
    }

    private static byte[] hex(JsonNode v, String field) {
        return Hex.decode(v.get(field).asText());
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out.stream();
    }
}
