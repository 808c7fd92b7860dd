package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActThree;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/**
 * The two parties of BOLT 8 Appendix A, with their static and ephemeral keys taken from the
 * vector files, so every handshake a target runs is the spec's and its acts are known bytes.
 */
final class Bolt8Fixture {

    static final String INITIATOR_FILE = "bolt08-initiator.json";
    static final String RESPONDER_FILE = "bolt08-responder.json";

    /** The AEAD and secp256k1 choices a target compares: this JVM's defaults and pure BouncyCastle. */
    static final List<CryptoProvider> PROVIDERS = List.of(CryptoProvider.defaults(), CryptoProvider.pureJava());

    private static final JsonNode INITIATOR = successful(INITIATOR_FILE);
    private static final JsonNode RESPONDER = successful(RESPONDER_FILE);

    static final byte[] ACT_ONE = Vectors.hex(INITIATOR.get("act1_output"));
    static final byte[] ACT_TWO = Vectors.hex(INITIATOR.get("act2_input"));
    static final byte[] ACT_THREE = Vectors.hex(INITIATOR.get("act3_output"));
    static final byte[] INITIATOR_STATIC = Vectors.hex(INITIATOR.get("ls.pub"));
    static final byte[] RESPONDER_STATIC = Vectors.hex(INITIATOR.get("rs.pub"));

    private Bolt8Fixture() {
    }

    static InitiatorStart initiator(CryptoProvider crypto) {
        NodeKey local = NodeKey.of(Vectors.hex(INITIATOR.get("ls.priv")), crypto.secp256k1());
        EphemeralKeys e = EphemeralKeys.fixedForTestVectors(Vectors.hex(INITIATOR.get("e.priv")));
        return Handshake.initiator(local, RESPONDER_STATIC, crypto, e);
    }

    static AwaitingActOne responder(CryptoProvider crypto) {
        NodeKey local = NodeKey.of(Vectors.hex(RESPONDER.get("ls.priv")), crypto.secp256k1());
        EphemeralKeys e = EphemeralKeys.fixedForTestVectors(Vectors.hex(RESPONDER.get("e.priv")));
        return Handshake.responder(local, crypto, e);
    }

    /** The initiator after sending the spec's Act One. */
    static AwaitingActTwo initiatorAwaitingActTwo(CryptoProvider crypto) {
        return initiator(crypto).actOne().next();
    }

    /** The responder after reading the spec's Act One and answering with its Act Two. */
    static AwaitingActThree responderAwaitingActThree(CryptoProvider crypto) {
        try {
            return responder(crypto).readActOne(ACT_ONE).next();
        } catch (HandshakeException e) {
            throw new IllegalStateException("the spec's Act One was rejected", e);
        }
    }

    /** A finished pair, initiator first: the spec's handshake with the spec's keys. */
    static Session[] sessions(CryptoProvider crypto) {
        try {
            AwaitingActOne responder = responder(crypto);
            InitiatorStart.ActOne one = initiator(crypto).actOne();
            AwaitingActOne.ActTwo two = responder.readActOne(one.bytes());
            AwaitingActTwo.ActThree three = one.next().readActTwo(two.bytes());
            Session responderSession = two.next().readActThree(three.bytes());
            return new Session[] {three.session(), responderSession};
        } catch (HandshakeException e) {
            throw new IllegalStateException("the spec's handshake failed", e);
        }
    }

    /** Every vector of {@code file}. */
    static List<JsonNode> vectors(String file) {
        return Vectors.items(Vectors.data(file));
    }

    private static JsonNode successful(String file) {
        return vectors(file).stream().filter(v -> v.get("expected_error").isNull()).findFirst()
                .orElseThrow(() -> new IllegalStateException(file + " has no successful handshake"));
    }
}
