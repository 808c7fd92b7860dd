package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.ChaChaPoly;
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
        if (act.length != Handshake.ACT_ONE_LENGTH) {
            throw new HandshakeException(HandshakeError.ACT1_READ_FAILED,
                    "Act One must be 50 bytes, got " + act.length);
        }
        if (act[0] != 0) {
            throw new HandshakeException(HandshakeError.ACT1_BAD_VERSION,
                    "Act One version byte is " + (act[0] & 0xff) + ", expected 0");
        }
        byte[] re = Arrays.copyOfRange(act, 1, 34);
        byte[] c = Arrays.copyOfRange(act, 34, 50);
        SymmetricState s = new SymmetricState(local.publicKeyUnsafe());
        s.mixHash(re);
        byte[] es;
        try {
            // the ECDH parses the key: an invalid point fails here (no separate pre-check, ~5 % faster)
            es = crypto.secp256k1().ecdh(local.privateKeyUnsafe(), re);
        } catch (IllegalArgumentException e) {
            throw new HandshakeException(HandshakeError.ACT1_BAD_PUBKEY,
                    "Act One ephemeral key is not a valid compressed point");
        }
        byte[] tempK1 = s.mixKey(es);
        try {
            SymmetricState.decryptWithAd(crypto.aead(), tempK1, 0, s.h, c);
        } catch (ChaChaPoly.BadTagException e) {
            throw new HandshakeException(HandshakeError.ACT1_BAD_TAG,
                    "Act One tag does not authenticate (wrong responder key?)");
        }
        s.mixHash(c);

        // BOLT 8, Act Two (sender side).
        byte[] ePriv = ephemeral.next(crypto.secp256k1());
        byte[] ePub = crypto.secp256k1().publicKey(ePriv);
        s.mixHash(ePub);
        byte[] ee = crypto.secp256k1().ecdh(ePriv, re);
        byte[] tempK2 = s.mixKey(ee);
        byte[] c2 = SymmetricState.encryptWithAd(crypto.aead(), tempK2, 0, s.h, SymmetricState.EMPTY);
        s.mixHash(c2);
        byte[] out = new byte[Handshake.ACT_TWO_LENGTH];
        System.arraycopy(ePub, 0, out, 1, 33);
        System.arraycopy(c2, 0, out, 34, 16);
        return new ActTwo(out, new AwaitingActThree(local, crypto, s, ePriv, tempK2));
    }

    /** The bytes of Act Two and the next state. */
    public record ActTwo(byte[] bytes, AwaitingActThree next) {}
}
