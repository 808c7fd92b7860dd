package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.CryptoProvider;

/** Initiator after sending Act One, waiting for the responder's Act Two. */
public final class AwaitingActTwo extends OneShot {

    private final NodeKey local;
    private final byte[] remoteStatic;
    private final CryptoProvider crypto;
    private final SymmetricState s;
    private final byte[] ePriv;
    private final byte[] presentedStatic;

    AwaitingActTwo(NodeKey local, byte[] remoteStatic, CryptoProvider crypto, SymmetricState s, byte[] ePriv,
            byte[] presentedStatic) {
        this.local = local;
        this.remoteStatic = remoteStatic;
        this.crypto = crypto;
        this.s = s;
        this.ePriv = ePriv;
        this.presentedStatic = presentedStatic;
    }

    /**
     * Act Two, initiator side, then Act Three: returns Act Three's 66 bytes and the session. Act
     * Three carries our static key, or the one a probe start state chose to present.
     */
    public ActThree readActTwo(byte[] actTwo) throws HandshakeException {
        return readActTwo(actTwo, presentedStatic);
    }

    /**
     * As {@link #readActTwo(byte[])}, presenting {@code presentedStatic} in Act Three.
     *
     * @deprecated choose the presented key when the handshake is built, with
     *     {@link InitiatorStart#presentingStaticForProbe}; kept until the harness's probes use it.
     */
    @Deprecated
    public ActThree readActTwo(byte[] actTwo, byte[] presentedStatic) throws HandshakeException {
        consume();
        try {
            return run(actTwo, presentedStatic);
        } finally {
            Arrays.fill(ePriv, (byte) 0);
        }
    }

    private ActThree run(byte[] act, byte[] presentedStatic) throws HandshakeException {
        // BOLT 8, Act Two (receiver side; the spec's text says "responder" but means the initiator here):
        // ee = ECDH(e.priv, re)
        NoiseAct.Read two = NoiseAct.read(NoiseAct.Ephemeral.TWO, s, crypto, act, ePriv);
        byte[] re = two.re();
        byte[] tempK2 = two.tempK();

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
