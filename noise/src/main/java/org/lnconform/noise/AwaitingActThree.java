package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.CryptoProvider;

/** Responder after sending Act Two, waiting for the initiator's Act Three. */
public final class AwaitingActThree extends OneShot {

    private final NodeKey local;
    private final CryptoProvider crypto;
    private final SymmetricState s;
    private final byte[] ePriv;
    private final byte[] tempK2;

    AwaitingActThree(NodeKey local, CryptoProvider crypto, SymmetricState s, byte[] ePriv, byte[] tempK2) {
        this.local = local;
        this.crypto = crypto;
        this.s = s;
        this.ePriv = ePriv;
        this.tempK2 = tempK2;
    }

    /** Act Three, responder side: authenticates the initiator and returns the session. */
    public Session readActThree(byte[] act) throws HandshakeException {
        consume();
        try {
            return run(act);
        } finally {
            Arrays.fill(ePriv, (byte) 0);
            Arrays.fill(tempK2, (byte) 0);
        }
    }

    private Session run(byte[] act) throws HandshakeException {
        if (act.length != Handshake.ACT_THREE_LENGTH) {
            throw new HandshakeException(HandshakeError.ACT3_READ_FAILED,
                    "Act Three must be 66 bytes, got " + act.length);
        }
        if (act[0] != 0) {
            throw new HandshakeException(HandshakeError.ACT3_BAD_VERSION,
                    "Act Three version byte is " + (act[0] & 0xff) + ", expected 0");
        }
        byte[] c = Arrays.copyOfRange(act, 1, 50);
        byte[] t = Arrays.copyOfRange(act, 50, 66);
        byte[] rs;
        try {
            rs = SymmetricState.decryptWithAd(crypto.aead(), tempK2, 1, s.h, c);
        } catch (ChaChaPoly.BadTagException e) {
            throw new HandshakeException(HandshakeError.ACT3_BAD_CIPHERTEXT,
                    "Act Three encrypted static key does not authenticate");
        }
        s.mixHash(c);
        byte[] se;
        try {
            se = crypto.secp256k1().ecdh(ePriv, rs);
        } catch (IllegalArgumentException e) {
            throw new HandshakeException(HandshakeError.ACT3_BAD_PUBKEY,
                    "Act Three static key is not a valid compressed point");
        }
        byte[] tempK3 = s.mixKey(se);
        try {
            SymmetricState.decryptWithAd(crypto.aead(), tempK3, 0, s.h, t);
        } catch (ChaChaPoly.BadTagException e) {
            throw new HandshakeException(HandshakeError.ACT3_BAD_TAG, "Act Three final tag does not authenticate");
        }
        // BOLT 8: the responder's receiving key is the first HKDF output, its sending key the second.
        byte[][] keys = SymmetricState.hkdf(s.ck, SymmetricState.EMPTY);
        return new Session(false, rs, keys[1], keys[0], s.ck, s.h, crypto.aead());
    }
}
