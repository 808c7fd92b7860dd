package org.lnconform.kmp;

import fr.acinq.lightning.crypto.noise.ByteStream;
import fr.acinq.lightning.crypto.noise.Chacha20Poly1305CipherFunctionsDefault;
import fr.acinq.lightning.crypto.noise.HandshakeState;
import fr.acinq.lightning.crypto.noise.HandshakeStateReader;
import fr.acinq.lightning.crypto.noise.HandshakeStateWriter;
import fr.acinq.lightning.crypto.noise.NoiseKt;
import fr.acinq.lightning.crypto.noise.SHA256HashFunctions;
import fr.acinq.lightning.crypto.noise.Secp256k1DHFunctions;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import kotlin.Pair;

/**
 * BOLT 8's Noise_XK handshake as lightning-kmp runs it, without I/O: each side takes the peer's
 * act and returns its own, then a {@link KmpTransport}.
 *
 * <pre>
 * initiator: KmpNoise.initiator(..).actOne() → readActTwo(act2) → ActThree(bytes, transport)
 * responder: KmpNoise.responder(..).readActOne(act1) → act2 bytes → readActThree(act3) → transport
 * </pre>
 *
 * The Noise work is lightning-kmp's ({@code HandshakeState} with {@code handshakePatternXK},
 * {@code Secp256k1DHFunctions}, {@code Chacha20Poly1305CipherFunctionsDefault},
 * {@code SHA256HashFunctions}, prologue {@code "lightning"}), and so is the transport
 * ({@code LightningSession}). What lightning-kmp leaves to its {@code Peer} is framing: the act's
 * leading version byte and its fixed length. Here that framing copies {@code Peer}'s initiator
 * (prefix 0 on every act sent; a received act must start with 0). lightning-kmp has no
 * responder of its own (Phoenix only dials out), so the responder applies the same rules.
 *
 * <p>Keys are raw bytes: 32-byte private keys, 33-byte compressed public keys. Without an
 * explicit ephemeral key a {@link SecureRandom} one is drawn; lightning-kmp's {@code Peer}
 * would draw it from {@code kotlin.random.Random} instead (see kmp/FINDINGS.md).
 */
public final class KmpNoise {

    /** BOLT 8's prologue. */
    static final byte[] PROLOGUE = "lightning".getBytes(StandardCharsets.US_ASCII);
    /** The version byte BOLT 8 prepends to every act. */
    static final byte VERSION = 0;

    /** Length of Act One and Act Two on the wire. */
    public static final int ACT_ONE_LENGTH = 50;
    public static final int ACT_TWO_LENGTH = 50;
    /** Length of Act Three on the wire. */
    public static final int ACT_THREE_LENGTH = 66;

    private static final SecureRandom RANDOM = new SecureRandom();

    private KmpNoise() {}

    /** An initiator that knows the responder's static key, with the given ephemeral private key. */
    public static KmpInitiator initiator(byte[] localStaticPrivateKey, byte[] remoteStaticPublicKey,
            byte[] ephemeralPrivateKey) {
        return new KmpInitiator(localStaticPrivateKey, remoteStaticPublicKey, ephemeralPrivateKey);
    }

    /** As above with a fresh ephemeral key from a CSPRNG. */
    public static KmpInitiator initiator(byte[] localStaticPrivateKey, byte[] remoteStaticPublicKey) {
        return initiator(localStaticPrivateKey, remoteStaticPublicKey, freshPrivateKey());
    }

    /** A responder waiting for Act One, with the given ephemeral private key. */
    public static KmpResponder responder(byte[] localStaticPrivateKey, byte[] ephemeralPrivateKey) {
        return new KmpResponder(localStaticPrivateKey, ephemeralPrivateKey);
    }

    /** As above with a fresh ephemeral key from a CSPRNG. */
    public static KmpResponder responder(byte[] localStaticPrivateKey) {
        return responder(localStaticPrivateKey, freshPrivateKey());
    }

    /** The 33-byte compressed public key of a private key, computed by lightning-kmp. */
    public static byte[] publicKey(byte[] privateKey) {
        return keyPair(privateKey).getFirst();
    }

    // --- shared by the two sides ------------------------------------------------------------

    /** lightning-kmp's key pair: (compressed public key, private key). */
    static Pair<byte[], byte[]> keyPair(byte[] privateKey) {
        if (privateKey.length != 32) {
            throw new IllegalArgumentException("a private key has 32 bytes, got " + privateKey.length);
        }
        return Secp256k1DHFunctions.INSTANCE.generateKeyPair(privateKey.clone());
    }

    static HandshakeStateWriter newWriter(Pair<byte[], byte[]> localStatic, byte[] remoteStatic, byte[] ephemeral) {
        return HandshakeState.Companion.initializeWriter(NoiseKt.getHandshakePatternXK(), PROLOGUE,
                localStatic, emptyPair(), remoteStatic, new byte[0], Secp256k1DHFunctions.INSTANCE,
                Chacha20Poly1305CipherFunctionsDefault.INSTANCE, SHA256HashFunctions.INSTANCE,
                oneKey(ephemeral));
    }

    static HandshakeStateReader newReader(Pair<byte[], byte[]> localStatic, byte[] ephemeral) {
        return HandshakeState.Companion.initializeReader(NoiseKt.getHandshakePatternXK(), PROLOGUE,
                localStatic, emptyPair(), new byte[0], new byte[0], Secp256k1DHFunctions.INSTANCE,
                Chacha20Poly1305CipherFunctionsDefault.INSTANCE, SHA256HashFunctions.INSTANCE,
                oneKey(ephemeral));
    }

    /** The act without its version byte, after Peer's checks: exact length, version 0. */
    static byte[] unframe(byte[] act, int expectedLength, String name) throws KmpException {
        if (act.length != expectedLength) {
            throw new KmpException(name + " must be " + expectedLength + " bytes, got " + act.length);
        }
        if (act[0] != VERSION) {
            // Peer.handshake: require(payload[0] == prefix)
            throw new KmpException(name + " rejected", new IllegalArgumentException("Failed requirement."));
        }
        byte[] body = new byte[act.length - 1];
        System.arraycopy(act, 1, body, 0, body.length);
        return body;
    }

    static byte[] frame(byte[] noiseMessage) {
        byte[] act = new byte[noiseMessage.length + 1];
        act[0] = VERSION;
        System.arraycopy(noiseMessage, 0, act, 1, noiseMessage.length);
        return act;
    }

    private static Pair<byte[], byte[]> emptyPair() {
        return new Pair<>(new byte[0], new byte[0]);
    }

    /** A ByteStream that hands out one ephemeral private key, once. */
    private static ByteStream oneKey(byte[] ephemeral) {
        if (ephemeral.length != 32) {
            throw new IllegalArgumentException("an ephemeral private key has 32 bytes, got " + ephemeral.length);
        }
        byte[] key = ephemeral.clone();
        return new ByteStream() {
            private boolean used;

            @Override
            public byte[] nextBytes(int length) {
                if (used || length != key.length) {
                    throw new IllegalStateException("the handshake asked for a second or odd-sized ephemeral key");
                }
                used = true;
                return key.clone();
            }
        };
    }

    private static byte[] freshPrivateKey() {
        byte[] k = new byte[32];
        while (true) {
            RANDOM.nextBytes(k);
            try {
                keyPair(k);
                return k;
            } catch (RuntimeException invalid) {
                // zero or not below the curve order: draw again
            }
        }
    }
}
