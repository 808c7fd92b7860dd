package org.lnconform.noise;

import java.util.Arrays;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.CryptoProvider;

/**
 * The two ephemeral-key acts of BOLT 8, written once per direction: Act One and Act Two have
 * the same shape (version 0, a 33-byte ephemeral key, a 16-byte tag over the empty string) and
 * differ only in whose keys go into the ECDH. Act Three, which carries the static key, is
 * written and read by the states that wait for Act Two and Act Three.
 */
final class NoiseAct {

    private NoiseAct() {}

    /** The spec's name of an ephemeral-key act and the errors reading it can end in. */
    enum Ephemeral {
        ONE("Act One", " (wrong responder key?)", HandshakeError.ACT1_READ_FAILED, HandshakeError.ACT1_BAD_VERSION,
                HandshakeError.ACT1_BAD_PUBKEY, HandshakeError.ACT1_BAD_TAG),
        TWO("Act Two", "", HandshakeError.ACT2_READ_FAILED, HandshakeError.ACT2_BAD_VERSION,
                HandshakeError.ACT2_BAD_PUBKEY, HandshakeError.ACT2_BAD_TAG);

        private final String name;
        private final String tagHint;
        private final HandshakeError readFailed;
        private final HandshakeError badVersion;
        private final HandshakeError badPubkey;
        private final HandshakeError badTag;

        Ephemeral(String name, String tagHint, HandshakeError readFailed, HandshakeError badVersion,
                HandshakeError badPubkey, HandshakeError badTag) {
            this.name = name;
            this.tagHint = tagHint;
            this.readFailed = readFailed;
            this.badVersion = badVersion;
            this.badPubkey = badPubkey;
            this.badTag = badTag;
        }
    }

    /** An act written: its bytes, our ephemeral private key and the {@code temp_k} it was sealed with. */
    record Written(byte[] bytes, byte[] ePriv, byte[] tempK) {}

    /** An act read: the peer's ephemeral key {@code re} and the {@code temp_k} it opened with. */
    record Read(byte[] re, byte[] tempK) {}

    /**
     * Sender side of Act One or Act Two: a fresh ephemeral key {@code e}, {@code h = SHA-256(h || e.pub)},
     * {@code ECDH(e.priv, theirKey)} mixed into {@code ck}, and a tag over the empty string.
     */
    static Written write(SymmetricState s, CryptoProvider crypto, EphemeralKeys ephemeral, byte[] theirKey) {
        byte[] ePriv = ephemeral.next(crypto.secp256k1());
        byte[] ePub = crypto.secp256k1().publicKey(ePriv);
        s.mixHash(ePub);
        byte[] tempK = s.mixKey(crypto.secp256k1().ecdh(ePriv, theirKey));
        byte[] c = SymmetricState.encryptWithAd(crypto.aead(), tempK, 0, s.h, SymmetricState.EMPTY);
        s.mixHash(c);
        byte[] act = new byte[Handshake.ACT_ONE_LENGTH];
        act[0] = 0;
        System.arraycopy(ePub, 0, act, 1, 33);
        System.arraycopy(c, 0, act, 34, 16);
        return new Written(act, ePriv, tempK);
    }

    /**
     * Receiver side of Act One or Act Two: length, version 0 (B8-ACT1-02, B8-ACT2-02), the
     * ephemeral key parsed by the ECDH with {@code ourPriv} (B8-ACT1-04, B8-ACT2-04), then the tag
     * (B8-ACT1-03, B8-ACT2-03).
     */
    static Read read(Ephemeral which, SymmetricState s, CryptoProvider crypto, byte[] act, byte[] ourPriv)
            throws HandshakeException {
        if (act.length != Handshake.ACT_ONE_LENGTH) {
            throw new HandshakeException(which.readFailed,
                    which.name + " must be " + Handshake.ACT_ONE_LENGTH + " bytes, got " + act.length);
        }
        if (act[0] != 0) {
            throw new HandshakeException(which.badVersion,
                    which.name + " version byte is " + (act[0] & 0xff) + ", expected 0");
        }
        byte[] re = Arrays.copyOfRange(act, 1, 34);
        byte[] c = Arrays.copyOfRange(act, 34, 50);
        s.mixHash(re);
        byte[] shared;
        try {
            // the ECDH parses the key: an invalid point fails here (no separate pre-check, ~5 % faster)
            shared = crypto.secp256k1().ecdh(ourPriv, re);
        } catch (IllegalArgumentException e) {
            throw new HandshakeException(which.badPubkey, which.name + " ephemeral key is not a valid compressed point");
        }
        byte[] tempK = s.mixKey(shared);
        try {
            SymmetricState.decryptWithAd(crypto.aead(), tempK, 0, s.h, c);
        } catch (ChaChaPoly.BadTagException e) {
            throw new HandshakeException(which.badTag, which.name + " tag does not authenticate" + which.tagHint);
        }
        s.mixHash(c);
        return new Read(re, tempK);
    }
}
