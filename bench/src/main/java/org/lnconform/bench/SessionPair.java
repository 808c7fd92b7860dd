package org.lnconform.bench;

import java.security.SecureRandom;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.EphemeralKeys;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.noise.crypto.CryptoProvider;

/** Two static keys and the means to run a whole BOLT 8 handshake between them in one process. */
final class SessionPair {

    final NodeKey initiatorKey;
    final NodeKey responderKey;
    private final byte[] responderPublic;
    private final CryptoProvider crypto;
    private final EphemeralKeys ephemeral;

    SessionPair(CryptoProvider crypto, SecureRandom random) {
        this.crypto = crypto;
        this.initiatorKey = NodeKey.generate(random, crypto.secp256k1());
        this.responderKey = NodeKey.generate(random, crypto.secp256k1());
        this.responderPublic = responderKey.publicKey();
        this.ephemeral = EphemeralKeys.from(random);
    }

    /** Runs the three acts; returns the initiator's session then the responder's. */
    Session[] handshake() throws HandshakeException {
        InitiatorStart.ActOne one = Handshake.initiator(initiatorKey, responderPublic, crypto, ephemeral).actOne();
        AwaitingActOne.ActTwo two = Handshake.responder(responderKey, crypto, ephemeral).readActOne(one.bytes());
        AwaitingActTwo.ActThree three = one.next().readActTwo(two.bytes());
        Session responder = two.next().readActThree(three.bytes());
        return new Session[] {three.session(), responder};
    }
}
