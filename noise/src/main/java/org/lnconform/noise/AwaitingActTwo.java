package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.CryptoProvider;

/** Initiator after sending Act One, waiting for the responder's Act Two. */
public final class AwaitingActTwo extends OneShot {

    private final NodeKey local;
    private final byte[] remoteStatic;
    private final CryptoProvider crypto;
    private final SymmetricState s;
    private final byte[] ePriv;

    AwaitingActTwo(NodeKey local, byte[] remoteStatic, CryptoProvider crypto, SymmetricState s, byte[] ePriv) {
        this.local = local;
        this.remoteStatic = remoteStatic;
        this.crypto = crypto;
        this.s = s;
        this.ePriv = ePriv;
    }

    /** Act Two, initiator side, then Act Three: returns Act Three's 66 bytes and the session. */
    public ActThree readActTwo(byte[] actTwo) throws HandshakeException {
        return readActTwo(actTwo, local.publicKeyUnsafe());
    }

    /**
     * As {@link #readActTwo(byte[])}, but Act Three carries {@code presentedStatic} as the static
     * key instead of ours, correctly encrypted. Only for conformance probes: a responder must
     * reject a key that is not a valid point (ACT3_BAD_PUBKEY), and the final tag is computed with
     * our real key, so any other presented key also fails the responder's checks.
     */
    public ActThree readActTwo(byte[] actTwo, byte[] presentedStatic) throws HandshakeException {
        consume();
        try {
            return run(actTwo, presentedStatic);
        } finally {
            Arrays.fill(ePriv, (byte) 0);
        }
    }

    private ActThree run(byte[] act, byte[] presentedStatic) throws HandshakeException {
        // BOLT 8, Act Two (receiver side; the spec's text says "responder" but means the initiator here).
        if (act.length != Handshake.ACT_TWO_LENGTH) {
            throw new HandshakeException(HandshakeError.ACT2_READ_FAILED,
                    "Act Two must be 50 bytes, got " + act.length);
        }
        if (act[0] != 0) {
            throw new HandshakeException(HandshakeError.ACT2_BAD_VERSION,
                    "Act Two version byte is " + (act[0] & 0xff) + ", expected 0");
        }
        byte[] re = Arrays.copyOfRange(act, 1, 34);
        byte[] c = Arrays.copyOfRange(act, 34, 50);
        s.mixHash(re);
        byte[] ee;
        try {
            ee = crypto.secp256k1().ecdh(ePriv, re);
        } catch (IllegalArgumentException e) {
            throw new HandshakeException(HandshakeError.ACT2_BAD_PUBKEY,
                    "Act Two ephemeral key is not a valid compressed point");
        }
        byte[] tempK2 = s.mixKey(ee);
        try {
            SymmetricState.decryptWithAd(crypto.aead(), tempK2, 0, s.h, c);
        } catch (ChaChaPoly.BadTagException e) {
            throw new HandshakeException(HandshakeError.ACT2_BAD_TAG, "Act Two tag does not authenticate");
        }
        s.mixHash(c);

        // BOLT 8, Act Three (sender side).
        byte[] encryptedStatic = SymmetricState.encryptWithAd(crypto.aead(), tempK2, 1, s.h, presentedStatic);
        s.mixHash(encryptedStatic);
        byte[] se = crypto.secp256k1().ecdh(local.privateKeyUnsafe(), re);
        byte[] tempK3 = s.mixKey(se);
        byte[] t = SymmetricState.encryptWithAd(crypto.aead(), tempK3, 0, s.h, SymmetricState.EMPTY);
        byte[][] keys = SymmetricState.hkdf(s.ck, SymmetricState.EMPTY);
        byte[] out = new byte[1 + encryptedStatic.length + 16];
        System.arraycopy(encryptedStatic, 0, out, 1, encryptedStatic.length);
        System.arraycopy(t, 0, out, 1 + encryptedStatic.length, 16);
        Session session = new Session(true, remoteStatic, keys[0], keys[1], s.ck, s.h, crypto.aead());
        return new ActThree(out, session);
    }

    /** The bytes of Act Three and the finished session. */
    public record ActThree(byte[] bytes, Session session) {}
}
