package org.lnconform.kmp;

import fr.acinq.lightning.crypto.noise.CipherState;
import fr.acinq.lightning.crypto.noise.InitializedCipherState;
import fr.acinq.lightning.io.LightningSession;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.HexFormat;
import kotlin.Unit;

/**
 * A finished lightning-kmp BOLT 8 session: its {@code LightningSession} (the 18-byte encrypted
 * length, then the body, key rotation every 1000 nonces), driven without coroutines. Sending and
 * receiving are independent; neither is thread-safe. After a receive fails the transport
 * refuses to receive again, as BOLT 8 requires the connection to close.
 */
public final class KmpTransport {

    /** Supplies exactly {@code n} bytes, blocking if need be (e.g. a socket's input stream). */
    @FunctionalInterface
    public interface ByteSource {
        byte[] read(int n) throws IOException;
    }

    /** Receives the pieces lightning-kmp writes: the encrypted header, then the encrypted body. */
    @FunctionalInterface
    public interface ByteSink {
        void write(byte[] bytes, boolean flush) throws IOException;
    }

    /** The session's initial keys, for a keylog the user asked for, or for comparing two stacks. */
    public record Secrets(byte[] sendKey, byte[] receiveKey, byte[] chainingKey) {
        @Override
        public String toString() {
            return "Secrets[redacted]";
        }
    }

    private final LightningSession session;
    private final byte[] remoteStatic;
    private final byte[] handshakeHash;
    private final Secrets secrets;
    private boolean receiveFailed;

    KmpTransport(CipherState send, CipherState receive, byte[] chainingKey, byte[] remoteStatic, byte[] handshakeHash) {
        this.session = new LightningSession(send, receive, chainingKey);
        this.remoteStatic = remoteStatic.clone();
        this.handshakeHash = handshakeHash.clone();
        this.secrets = new Secrets(key(send), key(receive), chainingKey.clone());
    }

    /** The peer's 33-byte static public key, authenticated by the handshake. */
    public byte[] remoteStatic() {
        return remoteStatic.clone();
    }

    /**
     * lightning-kmp's final handshake hash. Its last Noise EncryptAndHash also hashes Act Three's
     * final tag, so this is {@code SHA-256(h || t)} for BOLT 8's {@code h} after Act Three (which
     * BOLT 8 itself never uses again).
     */
    public byte[] handshakeHash() {
        return handshakeHash.clone();
    }

    public Secrets secretsForKeylog() {
        return new Secrets(secrets.sendKey().clone(), secrets.receiveKey().clone(), secrets.chainingKey().clone());
    }

    /**
     * Encrypts one message with {@code LightningSession.send} and hands its two pieces to
     * {@code sink}. lightning-kmp itself does not check the length (see kmp/FINDINGS.md). If the
     * sink fails, the sending nonce may already have moved on: close the connection.
     */
    public void send(byte[] message, ByteSink sink) throws IOException {
        try {
            Blocking.<Unit>call(c -> session.send(message, (bytes, flush, k) -> {
                try {
                    sink.write(bytes, flush);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return Unit.INSTANCE;
            }, c));
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Encrypts one message into one frame: header and body. */
    public byte[] encrypt(byte[] message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(message.length + 34);
        try {
            send(message, (bytes, flush) -> out.write(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one message with {@code LightningSession.receive}: 18 bytes from {@code source},
     * then as many as the decrypted length says plus 16.
     *
     * @throws KmpException lightning-kmp rejected the frame (a tag did not authenticate)
     * @throws IOException the source failed
     */
    public byte[] receive(ByteSource source) throws KmpException, IOException {
        if (receiveFailed) {
            throw new KmpException("the transport already failed");
        }
        try {
            return Blocking.<byte[]>call(c -> session.receive((n, k) -> {
                try {
                    return source.read(n);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, c));
        } catch (UncheckedIOException e) {
            receiveFailed = true;
            throw e.getCause();
        } catch (RuntimeException e) {
            receiveFailed = true;
            throw new KmpException("frame rejected", e);
        }
    }

    /**
     * Decrypts one complete frame. A frame shorter than the header or than its announced body,
     * or longer than both, is refused without consulting lightning-kmp beyond what it read.
     */
    public byte[] decryptFrame(byte[] frame) throws KmpException {
        int[] pos = {0};
        byte[] plain;
        try {
            plain = receive(n -> {
                if (pos[0] + n > frame.length) {
                    throw new IOException("frame has " + (frame.length - pos[0]) + " bytes left, " + n + " wanted");
                }
                byte[] out = Arrays.copyOfRange(frame, pos[0], pos[0] + n);
                pos[0] += n;
                return out;
            });
        } catch (IOException e) {
            throw new KmpException("short frame", e);
        }
        if (pos[0] != frame.length) {
            receiveFailed = true;
            throw new KmpException("frame carries " + (frame.length - pos[0]) + " bytes past its body");
        }
        return plain;
    }

    private static byte[] key(CipherState state) {
        if (state instanceof InitializedCipherState s) {
            return s.getK().clone();
        }
        throw new IllegalStateException("handshake ended without a transport key: " + state);
    }

    @Override
    public String toString() {
        return "KmpTransport[remote=" + HexFormat.of().formatHex(remoteStatic) + "]";
    }
}
