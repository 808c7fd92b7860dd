package org.lnconform.noise.crypto;

/** The secp256k1 operations BOLT 8 needs: key derivation, key parsing and its ECDH. */
public interface Secp256k1 {

    /** Compressed (33-byte) public key of a 32-byte private key. */
    byte[] publicKey(byte[] privateKey);

    /** True if the 32 bytes are a valid private key (0 < k < n). */
    boolean isValidPrivateKey(byte[] privateKey);

    /** True if the 33 bytes are a compressed point on the curve. */
    boolean isValidPublicKey(byte[] compressedPublicKey);

    /**
     * BOLT 8 ECDH: SHA-256 of the compressed encoding of {@code privateKey * publicKey}.
     *
     * @throws IllegalArgumentException if the public key is not a valid compressed point
     */
    byte[] ecdh(byte[] privateKey, byte[] compressedPublicKey);

    /** Short name for reports and benchmarks. */
    String name();
}
