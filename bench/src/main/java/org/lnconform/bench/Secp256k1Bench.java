package org.lnconform.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.crypto.Secp256k1;
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
 * The secp256k1 operations a handshake makes, per implementation: BOLT 8 ECDH (6 per
 * handshake), ephemeral key generation (2), and public key parsing (4). Keys cycle through a
 * pool so no result can be cached.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class Secp256k1Bench {

    private static final int POOL = 256;

    @Param({"libsecp256k1", "bouncycastle"})
    public String impl;

    private Secp256k1 secp;
    private SecureRandom random;
    private byte[][] privateKeys;
    private byte[][] publicKeys;
    private int next;

    @Setup
    public void setUp() {
        secp = Candidates.secp256k1(impl);
        random = new SecureRandom();
        privateKeys = new byte[POOL][];
        publicKeys = new byte[POOL][];
        for (int i = 0; i < POOL; i++) {
            privateKeys[i] = newPrivateKey();
            publicKeys[i] = secp.publicKey(privateKeys[i]);
        }
    }

    private byte[] newPrivateKey() {
        byte[] k = new byte[32];
        do {
            random.nextBytes(k);
        } while (!secp.isValidPrivateKey(k));
        return k;
    }

    private int nextIndex() {
        int i = next;
        next = (i + 1) & (POOL - 1);
        return i;
    }

    /** SHA-256 of the compressed shared point. */
    @Benchmark
    public byte[] ecdh(CpuClock clock) {
        clock.tick();
        int i = nextIndex();
        return secp.ecdh(privateKeys[i], publicKeys[(i + 1) & (POOL - 1)]);
    }

    /** As the handshake's ephemeral key: 32 random bytes, checked, and their public key. */
    @Benchmark
    public byte[] keyGeneration(CpuClock clock) {
        clock.tick();
        return secp.publicKey(newPrivateKey());
    }

    /** Public key derivation alone (no randomness). */
    @Benchmark
    public byte[] publicKey(CpuClock clock) {
        clock.tick();
        return secp.publicKey(privateKeys[nextIndex()]);
    }

    /** Checking that 33 bytes are a compressed point on the curve. */
    @Benchmark
    public boolean parsePublicKey(CpuClock clock) {
        clock.tick();
        return secp.isValidPublicKey(publicKeys[nextIndex()]);
    }
}
