package org.lnconform.noise;

import org.lnconform.noise.crypto.CryptoProvider;

/** Responder before Act One. */
public final class AwaitingActOne extends OneShot {

    private final NodeKey local;
    private final CryptoProvider crypto;
    private final EphemeralKeys ephemeral;

    AwaitingActOne(NodeKey local, CryptoProvider crypto, EphemeralKeys ephemeral) {
        this.local = local;
        this.crypto = crypto;
        this.ephemeral = ephemeral;
    }

    /** Act One, responder side, then Act Two: returns Act Two's 50 bytes and the state awaiting Act Three. */
    public ActTwo readActOne(byte[] act) throws HandshakeException {
        consume();
        SymmetricState s = new SymmetricState(local.publicKeyUnsafe());
        // BOLT 8, Act One (receiver side): es = ECDH(s.priv, re)
        NoiseAct.Read one = NoiseAct.read(NoiseAct.Ephemeral.ONE, s, crypto, act, local.privateKeyUnsafe());
        // BOLT 8, Act Two (sender side): ee = ECDH(e.priv, re)
        NoiseAct.Written two = NoiseAct.write(s, crypto, ephemeral, one.re());
        return new ActTwo(two.bytes(), new AwaitingActThree(local, crypto, s, two.ePriv(), two.tempK()));
    }

    /** The bytes of Act Two and the next state. */
    public record ActTwo(byte[] bytes, AwaitingActThree next) {}
}
