package org.lnconform.bench;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.Session;
import org.lnconform.noise.TransportDecryptor;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportException;
import org.lnconform.noise.crypto.BouncyCastleSecp256k1;
import org.lnconform.noise.crypto.ChaChaPoly;
import org.lnconform.noise.crypto.CryptoProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * BOLT 8 transport: one message of {@code size} bytes framed as encrypted length + encrypted
 * body (two seals), key rotation every 500 messages included. {@link #encrypt} is the sending
 * side alone; {@link #encryptDecrypt} also authenticates and decrypts the frame on the peer.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class TransportBench {

    @Param({"bouncycastle", "jdk", "hybrid", "conscrypt"})
    public String provider;

    @Param({"32", "1024", "65535"})
    public int size;

    private TransportEncryptor encryptor;
    private TransportDecryptor decryptor;
    private byte[] message;
    private byte[] frame;
    private byte[] out;

    @Setup
    public void setUp() throws HandshakeException, TransportException {
        // The handshake's curve does not matter here; only the AEAD is measured.
        CryptoProvider crypto = new CryptoProvider(new BouncyCastleSecp256k1(), Candidates.aead(provider));
        Session[] sessions = new SessionPair(crypto, new SecureRandom()).handshake();
        encryptor = sessions[0].encryptor();
        decryptor = sessions[1].decryptor();
        message = new byte[size];
        new Random(8).nextBytes(message);
        frame = new byte[TransportEncryptor.frameLength(size)];
        out = new byte[size];
        // Both ends must agree before anything is timed.
        roundTrip();
        if (!Arrays.equals(out, message)) {
            throw new IllegalStateException(provider + " transport does not round-trip");
        }
    }

    @Benchmark
    public int encrypt(CpuClock clock) throws TransportException {
        clock.tick();
        return encryptor.encrypt(message, 0, size, frame, 0);
    }

    @Benchmark
    public int encryptDecrypt(CpuClock clock) throws TransportException {
        clock.tick();
        return roundTrip();
    }

    private int roundTrip() throws TransportException {
        encryptor.encrypt(message, 0, size, frame, 0);
        int n = decryptor.decryptLength(frame, 0, TransportEncryptor.HEADER_LENGTH);
        return decryptor.decryptBody(frame, TransportEncryptor.HEADER_LENGTH, n + ChaChaPoly.TAG_LENGTH, out, 0);
    }
}
