package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.Hex;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/**
 * BOLT 8 handshake, ours against lightning-kmp: with the same static and ephemeral keys every
 * act must be byte-identical whichever side runs it, each stack must finish a handshake with
 * the other in both roles, and both must end with the same transport keys.
 */
@DisplayName("BOLT 8 handshake: lnconform vs lightning-kmp")
class HandshakeDifferentialTest {

    static final int KEY_SETS = 150;
    static final CryptoProvider CRYPTO = CryptoProvider.defaults();

    /** Static and ephemeral private keys of both sides. */
    record KeySet(byte[] initiatorStatic, byte[] responderStatic, byte[] initiatorEphemeral, byte[] responderEphemeral) {
        static KeySet random(Random r) {
            return new KeySet(Seeds.privateKey(r), Seeds.privateKey(r), Seeds.privateKey(r), Seeds.privateKey(r));
        }

        byte[] responderPublic() {
            return Seeds.SECP.publicKey(responderStatic);
        }

        byte[] initiatorPublic() {
            return Seeds.SECP.publicKey(initiatorStatic);
        }
    }

    /** Both stacks run both roles against each other with one key set; returns the four sessions. */
    record Crossed(Session oursInitiator, KmpTransport kmpResponder, KmpTransport kmpInitiator, Session oursResponder,
            byte[] actThree) {}

    static InitiatorStart oursInitiator(KeySet k) {
        return Handshake.initiator(NodeKey.of(k.initiatorStatic(), CRYPTO.secp256k1()), k.responderPublic(), CRYPTO,
                EphemeralKeys.fixedForTestVectors(k.initiatorEphemeral()));
    }

    static AwaitingActOne oursResponder(KeySet k) {
        return Handshake.responder(NodeKey.of(k.responderStatic(), CRYPTO.secp256k1()), CRYPTO,
                EphemeralKeys.fixedForTestVectors(k.responderEphemeral()));
    }

    /**
     * Runs ours-initiator ↔ kmp-responder and kmp-initiator ↔ ours-responder with the same keys,
     * asserting at each act that both stacks wrote the same bytes.
     */
    static Crossed crossHandshake(KeySet k, String context) throws Exception {
        KmpInitiator kmpInit = KmpNoise.initiator(k.initiatorStatic(), k.responderPublic(), k.initiatorEphemeral());
        KmpResponder kmpResp = KmpNoise.responder(k.responderStatic(), k.responderEphemeral());
        AwaitingActOne oursResp = oursResponder(k);

        InitiatorStart.ActOne oursAct1 = oursInitiator(k).actOne();
        byte[] kmpAct1 = kmpInit.actOne();
        assertThat(Hex.encode(kmpAct1)).as("Act One, %s", context).isEqualTo(Hex.encode(oursAct1.bytes()));

        byte[] kmpAct2 = kmpResp.readActOne(oursAct1.bytes());
        AwaitingActOne.ActTwo oursAct2 = oursResp.readActOne(kmpAct1);
        assertThat(Hex.encode(kmpAct2)).as("Act Two, %s", context).isEqualTo(Hex.encode(oursAct2.bytes()));

        AwaitingActTwo.ActThree oursAct3 = oursAct1.next().readActTwo(kmpAct2);
        KmpInitiator.ActThree kmpAct3 = kmpInit.readActTwo(oursAct2.bytes());
        assertThat(Hex.encode(kmpAct3.bytes())).as("Act Three, %s", context).isEqualTo(Hex.encode(oursAct3.bytes()));

        KmpTransport kmpRespTransport = kmpResp.readActThree(oursAct3.bytes());
        Session oursRespSession = oursAct2.next().readActThree(kmpAct3.bytes());
        return new Crossed(oursAct3.session(), kmpRespTransport, kmpAct3.transport(), oursRespSession, oursAct3.bytes());
    }

    static Stream<KeySet> keySets() {
        Random r = Seeds.random(1);
        return IntStream.range(0, KEY_SETS).mapToObj(i -> KeySet.random(r));
    }

    @TestFactory
    @DisplayName("same keys give byte-identical acts and transport keys in both directions")
    Stream<DynamicTest> sameKeysGiveIdenticalActsAndKeys() {
        int[] index = {0};
        return keySets().map(k -> {
            int i = index[0]++;
            String context = "key set #" + i + ", " + Seeds.describe();
            return DynamicTest.dynamicTest("key set #" + i, () -> {
                Crossed c = crossHandshake(k, context);

                Session.Secrets ours = c.oursInitiator().secretsForKeylog();
                KmpTransport.Secrets kmp = c.kmpInitiator().secretsForKeylog();
                assertThat(Hex.encode(kmp.sendKey())).as("initiator sk, %s", context).isEqualTo(Hex.encode(ours.sendKey()));
                assertThat(Hex.encode(kmp.receiveKey())).as("initiator rk, %s", context).isEqualTo(Hex.encode(ours.receiveKey()));
                assertThat(Hex.encode(kmp.chainingKey())).as("ck, %s", context).isEqualTo(Hex.encode(ours.chainingKey()));

                Session.Secrets oursR = c.oursResponder().secretsForKeylog();
                KmpTransport.Secrets kmpR = c.kmpResponder().secretsForKeylog();
                assertThat(Hex.encode(kmpR.sendKey())).as("responder sk, %s", context).isEqualTo(Hex.encode(oursR.sendKey()));
                assertThat(Hex.encode(kmpR.receiveKey())).as("responder rk, %s", context).isEqualTo(Hex.encode(oursR.receiveKey()));
                assertThat(Hex.encode(kmpR.sendKey())).as("responder sk = initiator rk, %s", context)
                        .isEqualTo(Hex.encode(ours.receiveKey()));

                assertThat(c.kmpResponder().remoteStatic()).as("kmp responder learns the initiator, %s", context)
                        .isEqualTo(k.initiatorPublic());
                assertThat(c.oursResponder().remoteStatic()).as("our responder learns the initiator, %s", context)
                        .isEqualTo(k.initiatorPublic());
            });
        });
    }

    @TestFactory
    @DisplayName("lightning-kmp's handshake hash is ours extended by Act Three's tag")
    Stream<DynamicTest> handshakeHashRelation() {
        return keySets().limit(10).map(k -> DynamicTest.dynamicTest("key set " + Hex.encode(k.initiatorEphemeral(), 0, 4), () -> {
            Crossed c = crossHandshake(k, Seeds.describe());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(c.oursInitiator().handshakeHash());
            sha.update(Arrays.copyOfRange(c.actThree(), 50, 66));
            byte[] extended = sha.digest();
            assertThat(c.kmpInitiator().handshakeHash()).isEqualTo(extended);
            assertThat(c.kmpResponder().handshakeHash()).isEqualTo(extended);
        }));
    }
}
