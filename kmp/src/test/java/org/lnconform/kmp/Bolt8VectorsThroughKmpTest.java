package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.noise.Hex;

/**
 * BOLT 8's Appendix A replayed through lightning-kmp (via the facade), as a sanity check of the
 * facade and of lightning-kmp: initiator and responder vectors, including every failure vector,
 * and the message-encryption vector across two key rotations. Display names are the vectors'.
 */
@DisplayName("BOLT 8 vectors through lightning-kmp")
class Bolt8VectorsThroughKmpTest {

    static JsonNode load(String file) throws IOException {
        try (InputStream in = Bolt8VectorsThroughKmpTest.class.getResourceAsStream("/org/lnconform/vectors/" + file)) {
            assertThat(in).as(file).isNotNull();
            return new ObjectMapper().readTree(in).get("data");
        }
    }

    static byte[] hex(JsonNode v, String field) {
        return Hex.decode(v.get(field).asText());
    }

    static Stream<JsonNode> each(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false);
    }

    @TestFactory
    Stream<DynamicTest> initiatorVectors() throws IOException {
        return each(load("bolt08-initiator.json")).map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            KmpInitiator kmp = KmpNoise.initiator(hex(v, "ls.priv"), hex(v, "rs.pub"), hex(v, "e.priv"));
            assertThat(Hex.encode(kmp.actOne())).isEqualTo(v.get("act1_output").asText());
            if (v.get("expected_error").isNull()) {
                KmpInitiator.ActThree act3 = kmp.readActTwo(hex(v, "act2_input"));
                assertThat(Hex.encode(act3.bytes())).isEqualTo(v.get("act3_output").asText());
                KmpTransport.Secrets s = act3.transport().secretsForKeylog();
                assertThat(Hex.encode(s.sendKey())).isEqualTo(v.get("final_keys").get("sk").asText());
                assertThat(Hex.encode(s.receiveKey())).isEqualTo(v.get("final_keys").get("rk").asText());
            } else {
                assertThatThrownBy(() -> kmp.readActTwo(hex(v, "act2_input")))
                        .as(v.get("expected_error").asText()).isInstanceOf(KmpException.class);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> responderVectors() throws IOException {
        return each(load("bolt08-responder.json")).map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            KmpResponder kmp = KmpNoise.responder(hex(v, "ls.priv"), hex(v, "e.priv"));
            String error = v.get("expected_error").isNull() ? null : v.get("expected_error").asText();
            if (error != null && error.startsWith("ACT1")) {
                assertThatThrownBy(() -> kmp.readActOne(hex(v, "act1_input"))).as(error)
                        .isInstanceOf(KmpException.class);
                return;
            }
            assertThat(Hex.encode(kmp.readActOne(hex(v, "act1_input")))).isEqualTo(v.get("act2_output").asText());
            if (error != null) {
                assertThatThrownBy(() -> kmp.readActThree(hex(v, "act3_input"))).as(error)
                        .isInstanceOf(KmpException.class);
                return;
            }
            KmpTransport t = kmp.readActThree(hex(v, "act3_input"));
            KmpTransport.Secrets s = t.secretsForKeylog();
            assertThat(Hex.encode(s.sendKey())).isEqualTo(v.get("final_keys").get("sk").asText());
            assertThat(Hex.encode(s.receiveKey())).isEqualTo(v.get("final_keys").get("rk").asText());
        }));
    }

    @Test
    @DisplayName("transport-message test")
    void messageEncryption() throws Exception {
        JsonNode init = load("bolt08-initiator.json").get(0);
        JsonNode v = load("bolt08-message-encryption.json");
        KmpInitiator kmp = KmpNoise.initiator(hex(init, "ls.priv"), hex(init, "rs.pub"), hex(init, "e.priv"));
        kmp.actOne();
        KmpTransport t = kmp.readActTwo(hex(init, "act2_input")).transport();
        assertThat(Hex.encode(t.secretsForKeylog().sendKey())).isEqualTo(v.get("sk").asText());
        assertThat(Hex.encode(t.secretsForKeylog().chainingKey())).isEqualTo(v.get("ck").asText());

        Map<Integer, String> expected = new HashMap<>();
        each(v.get("outputs")).forEach(o -> expected.put(o.get("message_index").asInt(), o.get("hex").asText()));
        byte[] hello = v.get("plaintext_ascii").asText().getBytes(StandardCharsets.US_ASCII);
        int checked = 0;
        for (int i = 0; i <= 1001; i++) {
            String frame = Hex.encode(t.encrypt(hello));
            if (expected.containsKey(i)) {
                assertThat(frame).as("output %d", i).isEqualTo(expected.get(i));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(expected.size());
    }
}
