package org.lnconform.vectors.bolt08;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.Hex;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/**
 * BOLT 8 Appendix A "Message Encryption Tests": after the initiator's successful handshake,
 * "hello" is sent 1002 times; outputs 0, 1, 500, 501, 1000 and 1001 (spanning two key
 * rotations) must match, and the responder must decrypt every one.
 */
class MessageEncryptionVectorTest {

    private static final JsonNode TEST = VectorFile.data("bolt08-message-encryption.json");
    private static final JsonNode INITIATOR = VectorFile.data("bolt08-initiator.json").get(0);
    private static final JsonNode RESPONDER = VectorFile.data("bolt08-responder.json").get(0);

    @TestFactory
    Stream<DynamicNode> messageEncryption() {
        return Providers.all().stream().map(p -> dynamicContainer(p.describe(), outputs(p)));
    }

    private static Stream<DynamicNode> outputs(CryptoProvider crypto) {
        Map<Integer, String> produced = new HashMap<>();
        List<byte[]> frames = new ArrayList<>();
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(dynamicTest(TEST.get("name").asText() + " (sending 1002 messages)", () -> {
            Session[] pair = handshake(crypto);
            assertThat(Hex.encode(pair[0].secretsForKeylog().sendKey())).isEqualTo(TEST.get("sk").asText());
            assertThat(Hex.encode(pair[0].secretsForKeylog().chainingKey())).isEqualTo(TEST.get("ck").asText());
            byte[] hello = Hex.decode(TEST.get("plaintext").asText());
            for (int i = 0; i <= 1001; i++) {
                byte[] frame = pair[0].encryptor().encrypt(hello);
                produced.put(i, Hex.encode(frame));
                frames.add(frame);
            }
            assertThat(pair[0].encryptor().rotations()).isEqualTo(2);
            for (byte[] frame : frames) {
                assertThat(pair[1].decryptor().decryptFrame(frame)).isEqualTo(hello);
            }
            assertThat(pair[1].decryptor().rotations()).isEqualTo(2);
        }));
        for (JsonNode out : TEST.get("outputs")) {
            int index = out.get("message_index").asInt();
            tests.add(dynamicTest("transport-message test output " + index, () -> {
                assertThat(produced).as("the sending test ran first").containsKey(index);
                assertThat(produced.get(index)).isEqualTo(out.get("hex").asText());
            }));
        }
        return tests.stream();
    }

    /** Both sides of the spec's successful handshake: [initiator, responder]. */
    static Session[] handshake(CryptoProvider crypto) throws Exception {
        NodeKey ils = NodeKey.of(Hex.decode(INITIATOR.get("ls.priv").asText()), crypto.secp256k1());
        NodeKey rls = NodeKey.of(Hex.decode(RESPONDER.get("ls.priv").asText()), crypto.secp256k1());
        var one = Handshake.initiator(ils, rls.publicKey(), crypto,
                EphemeralKeys.fixedForTestVectors(Hex.decode(INITIATOR.get("e.priv").asText()))).actOne();
        AwaitingActOne responder = Handshake.responder(rls, crypto,
                EphemeralKeys.fixedForTestVectors(Hex.decode(RESPONDER.get("e.priv").asText())));
        var two = responder.readActOne(one.bytes());
        var three = one.next().readActTwo(two.bytes());
        Session r = two.next().readActThree(three.bytes());
        return new Session[] {three.session(), r};
    }
}
