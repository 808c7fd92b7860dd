package org.lnconform.noise;

import java.security.SecureRandom;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.noise.crypto.Secp256k1;

/**
 * A node's static secp256k1 key pair. {@link #toString()} shows only the public key: private
 * keys never reach logs or reports unless a caller asks for them explicitly (keylog).
 */
public final class NodeKey {

    private final byte[] privateKey;
    private final byte[] publicKey;

    private NodeKey(byte[] privateKey, byte[] publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
    }

    /** The key pair of a given 32-byte private key. */
    public static NodeKey of(byte[] privateKey, Secp256k1 secp) {
        if (!secp.isValidPrivateKey(privateKey)) {
            throw new IllegalArgumentException("not a valid secp256k1 private key");
        }
        return new NodeKey(privateKey.clone(), secp.publicKey(privateKey));
    }

    /** A fresh key pair from a CSPRNG. */
    public static NodeKey generate(SecureRandom random, Secp256k1 secp) {
        byte[] k = new byte[32];
        do {
            random.nextBytes(k);
        } while (!secp.isValidPrivateKey(k));
        return new NodeKey(k, secp.publicKey(k));
    }

    /** A fresh key pair with the default provider and the shared CSPRNG. */
    public static NodeKey generate() {
        return generate(EphemeralKeys.Shared.RANDOM, CryptoProvider.defaults().secp256k1());
    }

    /** The 33-byte compressed public key (a copy). */
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The private key (a copy); used by the handshake and by an explicit keylog only. */
    public byte[] privateKey() {
        return privateKey.clone();
    }

    byte[] privateKeyUnsafe() {
        return privateKey;
    }

    byte[] publicKeyUnsafe() {
        return publicKey;
    }

    /** Lower-case hex of the public key. */
    public String publicKeyHex() {
        return Hex.encode(publicKey);
    }

    @Override
    public String toString() {
        return "NodeKey[" + publicKeyHex() + "]";
    }
}
