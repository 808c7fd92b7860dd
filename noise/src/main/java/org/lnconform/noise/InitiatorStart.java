package org.lnconform.noise;

import org.lnconform.noise.crypto.CryptoProvider;

/** Initiator before Act One. */
public final class InitiatorStart extends OneShot {

    private final NodeKey local;
    private final byte[] remoteStatic;
    private final CryptoProvider crypto;
    private final EphemeralKeys ephemeral;

    private byte[] protocolName;
    private byte[] prologue;

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
        SymmetricState s = protocolName == null ? new SymmetricState(remoteStatic)
                : new SymmetricState(remoteStatic, protocolName, prologue);
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

    /**
     * Uses another Noise protocol name and prologue than BOLT 8's. Only for conformance probes:
     * a responder must then fail the handshake (B8-CRYPTO-02), since its Act One MAC cannot verify.
     */
    public InitiatorStart withProtocolNameForProbe(byte[] name, byte[] prologueBytes) {
        this.protocolName = name.clone();
        this.prologue = prologueBytes.clone();
        return this;
    }

    /** The bytes of Act One and the next state. */
    public record ActOne(byte[] bytes, AwaitingActTwo next) {}
}
