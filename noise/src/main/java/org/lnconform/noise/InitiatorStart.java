package org.lnconform.noise;

import org.lnconform.noise.crypto.CryptoProvider;

/**
 * Initiator before Act One. What it will do is fixed when it is built: BOLT 8's protocol name
 * and our own static key, unless a probe variant was asked for with {@link #withProtocolNameForProbe}
 * or {@link #presentingStaticForProbe}, each of which returns a new start state.
 */
public final class InitiatorStart extends OneShot {

    private final NodeKey local;
    private final byte[] remoteStatic;
    private final CryptoProvider crypto;
    private final EphemeralKeys ephemeral;
    private final byte[] protocolName;
    private final byte[] prologue;
    private final byte[] presentedStatic;

    InitiatorStart(NodeKey local, byte[] remoteStatic, CryptoProvider crypto, EphemeralKeys ephemeral) {
        this(local, remoteStatic, crypto, ephemeral, null, null, null);
        if (!crypto.secp256k1().isValidPublicKey(remoteStatic)) {
            throw new IllegalArgumentException("responder static key is not a valid compressed point");
        }
    }

    private InitiatorStart(NodeKey local, byte[] remoteStatic, CryptoProvider crypto, EphemeralKeys ephemeral,
            byte[] protocolName, byte[] prologue, byte[] presentedStatic) {
        this.local = local;
        this.remoteStatic = remoteStatic;
        this.crypto = crypto;
        this.ephemeral = ephemeral;
        this.protocolName = protocolName;
        this.prologue = prologue;
        this.presentedStatic = presentedStatic;
    }

    /** Act One, initiator side: returns the 50 bytes to send and the state awaiting Act Two. */
    public ActOne actOne() {
        consume();
        SymmetricState s = protocolName == null ? new SymmetricState(remoteStatic)
                : new SymmetricState(remoteStatic, protocolName, prologue);
        // BOLT 8, Act One (sender side): es = ECDH(e.priv, rs)
        NoiseAct.Written one = NoiseAct.write(s, crypto, ephemeral, remoteStatic);
        byte[] shown = presentedStatic != null ? presentedStatic : local.publicKeyUnsafe();
        return new ActOne(one.bytes(), new AwaitingActTwo(local, remoteStatic, crypto, s, one.ePriv(), shown));
    }

    /**
     * A start state that uses another Noise protocol name and prologue than BOLT 8's. Only for
     * conformance probes: a responder must then fail the handshake (B8-CRYPTO-02), since its Act
     * One MAC cannot verify. This state is left unused.
     */
    public InitiatorStart withProtocolNameForProbe(byte[] name, byte[] prologueBytes) {
        return new InitiatorStart(local, remoteStatic, crypto, ephemeral, name.clone(), prologueBytes.clone(),
                presentedStatic);
    }

    /**
     * A start state whose Act Three carries {@code key} as the static key instead of ours, correctly
     * encrypted. Only for conformance probes: a responder must reject a key that is not a valid
     * point (ACT3_BAD_PUBKEY), and the final tag is computed with our real key, so any other key
     * also fails the responder's checks. This state is left unused.
     */
    public InitiatorStart presentingStaticForProbe(byte[] key) {
        return new InitiatorStart(local, remoteStatic, crypto, ephemeral, protocolName, prologue, key.clone());
    }

    /** The bytes of Act One and the next state. */
    public record ActOne(byte[] bytes, AwaitingActTwo next) {}
}
