package org.lnconform.noise;

import org.lnconform.noise.crypto.CryptoProvider;

/** Initiator before Act One. */
public final class InitiatorStart extends OneShot {

    private final NodeKey local;
    private final byte[] remoteStatic;
    private final CryptoProvider crypto;
    private final EphemeralKeys ephemeral;

    InitiatorStart(NodeKey local, byte[] remoteStatic, CryptoProvider crypto, EphemeralKeys ephemeral) {
        if (!crypto.secp256k1().isValidPublicKey(remoteStatic)) {
            throw new IllegalArgumentException("responder static key is not a valid compressed point");
        }
        this.local = local;
        this.remoteStatic = remoteStatic;
        this.crypto = crypto;
        this.ephemeral = ephemeral;
    }

    /** Act One, initiator side: returns the 50 bytes to send and the state awaiting Act Two. */
    public ActOne actOne() {
        consume();
        SymmetricState s = new SymmetricState(remoteStatic);
        byte[] ePriv = ephemeral.next(crypto.secp256k1());
        byte[] ePub = crypto.secp256k1().publicKey(ePriv);
        s.mixHash(ePub);
        byte[] es = crypto.secp256k1().ecdh(ePriv, remoteStatic);
        byte[] tempK1 = s.mixKey(es);
        byte[] c = SymmetricState.encryptWithAd(crypto.aead(), tempK1, 0, s.h, SymmetricState.EMPTY);
        s.mixHash(c);
        byte[] act = new byte[Handshake.ACT_ONE_LENGTH];
        act[0] = 0;
        System.arraycopy(ePub, 0, act, 1, 33);
        System.arraycopy(c, 0, act, 34, 16);
        return new ActOne(act, new AwaitingActTwo(local, remoteStatic, crypto, s, ePriv));
    }

    /** The bytes of Act One and the next state. */
    public record ActOne(byte[] bytes, AwaitingActTwo next) {}
}
