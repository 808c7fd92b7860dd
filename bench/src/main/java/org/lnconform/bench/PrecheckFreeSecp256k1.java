package org.lnconform.bench;

import org.lnconform.noise.crypto.Secp256k1;

/**
 * A what-if for the handshake: {@link #isValidPublicKey} checks only the 33-byte compressed
 * form and leaves the on-curve check to the {@link #ecdh} that follows every such call in the
 * handshake (that ECDH rejects an off-curve key with IllegalArgumentException). With valid keys
 * the handshake does the same work minus four point decompressions.
 */
final class PrecheckFreeSecp256k1 implements Secp256k1 {

    private final Secp256k1 delegate;

    PrecheckFreeSecp256k1(Secp256k1 delegate) {
        this.delegate = delegate;
    }

    @Override
    public byte[] publicKey(byte[] privateKey) {
        return delegate.publicKey(privateKey);
    }

    @Override
    public boolean isValidPrivateKey(byte[] privateKey) {
        return delegate.isValidPrivateKey(privateKey);
    }

    @Override
    public boolean isValidPublicKey(byte[] key) {
        return key.length == 33 && (key[0] == 2 || key[0] == 3);
    }

    @Override
    public byte[] ecdh(byte[] privateKey, byte[] key) {
        return delegate.ecdh(privateKey, key);
    }

    @Override
    public String name() {
        return delegate.name() + "-without-precheck";
    }
}
