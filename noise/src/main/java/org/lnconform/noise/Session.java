package org.lnconform.noise;

import org.lnconform.noise.crypto.ChaChaPoly;

/**
 * A finished BOLT 8 handshake: the authenticated remote static key and the transport's two
 * directions, each with its own key, nonce and chaining key (both start from the final
 * handshake chaining key and evolve independently).
 */
public final class Session {

    private final boolean initiator;
    private final byte[] remoteStatic;
    private final byte[] handshakeHash;
    private final TransportEncryptor encryptor;
    private final TransportDecryptor decryptor;
    private final byte[] initialSendKey;
    private final byte[] initialReceiveKey;
    private final byte[] initialChainingKey;

    Session(boolean initiator, byte[] remoteStatic, byte[] sendKey, byte[] receiveKey, byte[] ck, byte[] h,
            ChaChaPoly.Factory aead) {
        this.initiator = initiator;
        this.remoteStatic = remoteStatic.clone();
        this.handshakeHash = h.clone();
        this.initialSendKey = sendKey.clone();
        this.initialReceiveKey = receiveKey.clone();
        this.initialChainingKey = ck.clone();
        this.encryptor = new TransportEncryptor(new CipherState(aead, sendKey, ck));
        this.decryptor = new TransportDecryptor(new CipherState(aead, receiveKey, ck));
    }

    /** True if this side started the handshake. */
    public boolean initiator() {
        return initiator;
    }

    /** The peer's 33-byte static public key, authenticated by the handshake. */
    public byte[] remoteStatic() {
        return remoteStatic.clone();
    }

    /** The final handshake hash {@code h}, a public session identifier. */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    public TransportEncryptor encryptor() {
        return encryptor;
    }

    public TransportDecryptor decryptor() {
        return decryptor;
    }

    /**
     * The session's initial secrets, for a keylog the user asked for explicitly (so a capture
     * can be decrypted). Never call this for ordinary logging.
     */
    public Secrets secretsForKeylog() {
        return new Secrets(initialSendKey.clone(), initialReceiveKey.clone(), initialChainingKey.clone());
    }

    /** The initial sending key, receiving key and chaining key. */
    public record Secrets(byte[] sendKey, byte[] receiveKey, byte[] chainingKey) {
        /** One keylog line, fields named so both directions can be decrypted. */
        public String keylogLine(byte[] localStatic, byte[] remoteStatic) {
            return "LN_BOLT8 local=" + Hex.encode(localStatic) + " remote=" + Hex.encode(remoteStatic)
                    + " sk=" + Hex.encode(sendKey) + " rk=" + Hex.encode(receiveKey) + " ck=" + Hex.encode(chainingKey);
        }

        @Override
        public String toString() {
            return "Secrets[redacted]";
        }
    }

    @Override
    public String toString() {
        return "Session[" + (initiator ? "initiator" : "responder") + ", remote=" + Hex.encode(remoteStatic) + "]";
    }
}
