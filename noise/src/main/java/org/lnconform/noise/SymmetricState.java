package org.lnconform.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.lnconform.noise.crypto.ChaChaPoly;

/** The handshake hash {@code h} and chaining key {@code ck} of BOLT 8's Noise_XK, and their primitives. */
final class SymmetricState {

    static final byte[] PROTOCOL_NAME =
            "Noise_XK_secp256k1_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PROLOGUE = "lightning".getBytes(StandardCharsets.US_ASCII);
    static final byte[] EMPTY = new byte[0];

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance("HmacSHA256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    });
    // h and ck after the protocol name and prologue: the same for every handshake.
    private static final byte[] H_AFTER_PROLOGUE;
    private static final byte[] CK0;

    static {
        CK0 = sha256(PROTOCOL_NAME);
        H_AFTER_PROLOGUE = sha256(CK0, PROLOGUE);
    }

    byte[] h;
    byte[] ck;

    /** Handshake state initialisation (BOLT 8): both sides then mix in the responder's static key. */
    SymmetricState(byte[] responderStatic) {
        this.ck = CK0.clone();
        this.h = sha256(H_AFTER_PROLOGUE, responderStatic);
    }

    /** Initialisation with another protocol name or prologue: only for probing how a peer rejects it. */
    SymmetricState(byte[] responderStatic, byte[] protocolName, byte[] prologue) {
        this.ck = sha256(protocolName);
        this.h = sha256(sha256(ck, prologue), responderStatic);
    }

    void mixHash(byte[] data) {
        h = sha256(h, data);
    }

    /** {@code ck, temp_k = HKDF(ck, ikm)}; returns temp_k. */
    byte[] mixKey(byte[] ikm) {
        byte[][] out = hkdf(ck, ikm);
        ck = out[0];
        return out[1];
    }

    static byte[] sha256(byte[]... parts) {
        MessageDigest md = SHA256.get();
        for (byte[] p : parts) {
            md.update(p);
        }
        return md.digest();
    }

    /** HKDF-SHA256 with {@code salt}, {@code ikm}, empty info, 64 bytes of output split in two halves. */
    static byte[][] hkdf(byte[] salt, byte[] ikm) {
        try {
            Mac mac = HMAC.get();
            mac.init(new SecretKeySpec(salt, "HmacSHA256"));
            byte[] prk = mac.doFinal(ikm);
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update((byte) 1);
            byte[] t1 = mac.doFinal();
            mac.update(t1);
            mac.update((byte) 2);
            byte[] t2 = mac.doFinal();
            Arrays.fill(prk, (byte) 0);
            return new byte[][] {t1, t2};
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] encryptWithAd(ChaChaPoly.Factory aead, byte[] key, long nonce, byte[] ad, byte[] plaintext) {
        return aead.forKey(key).seal(nonce, ad, plaintext);
    }

    static byte[] decryptWithAd(ChaChaPoly.Factory aead, byte[] key, long nonce, byte[] ad, byte[] ciphertext)
            throws ChaChaPoly.BadTagException {
        return aead.forKey(key).open(nonce, ad, ciphertext);
    }
}
