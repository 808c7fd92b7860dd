package org.lnconform.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.crypto.ChaChaPoly;
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
 * The raw AEAD: one ChaCha20-Poly1305 seal (or open) of {@code size} bytes with an empty
 * associated data and a fresh nonce, as BOLT 8's transport calls it. Compare with
 * {@link TransportBench} in the same run to get the cost of framing.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AeadBench {

    private static final byte[] NO_AD = new byte[0];
    /** Ciphertexts cycled through by {@link #open}: no nonce is opened twice in a row. */
    private static final int RING = 4;

    @Param({"bouncycastle", "jdk", "hybrid", "conscrypt"})
    public String provider;

    @Param({"32", "1024", "65535"})
    public int size;

    private ChaChaPoly sealer;
    private ChaChaPoly opener;
    private byte[] plaintext;
    private byte[] out;
    private byte[][] sealed;
    private long nonce;
    private int next;

    @Setup
    public void setUp() throws ChaChaPoly.BadTagException {
        Random random = new Random(8);
        byte[] key = new byte[32];
        random.nextBytes(key);
        plaintext = new byte[size];
        random.nextBytes(plaintext);
        out = new byte[size + ChaChaPoly.TAG_LENGTH];
        ChaChaPoly.Factory factory = Candidates.aead(provider);
        sealer = factory.forKey(key);
        opener = factory.forKey(key);
        ChaChaPoly maker = factory.forKey(key);
        sealed = new byte[RING][];
        for (int i = 0; i < RING; i++) {
            sealed[i] = maker.seal(i, NO_AD, plaintext);
        }
        // The candidate must round-trip before it is timed.
        byte[] back = opener.open(0, NO_AD, sealed[0]);
        if (!java.util.Arrays.equals(back, plaintext)) {
            throw new IllegalStateException(provider + " does not round-trip");
        }
        nonce = RING;
        next = 1; // JDK 17 refuses to re-initialise with the key and nonce it was last given
    }

    @Benchmark
    public int seal(CpuClock clock) {
        clock.tick();
        return sealer.seal(nonce++, NO_AD, plaintext, 0, size, out, 0);
    }

    /**
     * What BOLT 8 framing costs at the least: a seal of the 2-byte length, then of the body,
     * on one keyed instance (no key rotation, no bookkeeping). Transport encrypt minus this is
     * the implementation's own overhead.
     */
    @Benchmark
    public int sealLengthAndBody(CpuClock clock) {
        clock.tick();
        int n = sealer.seal(nonce++, NO_AD, plaintext, 0, 2, out, 0);
        return n + sealer.seal(nonce++, NO_AD, plaintext, 0, size, out, 0);
    }

    @Benchmark
    public int open(CpuClock clock) throws ChaChaPoly.BadTagException {
        clock.tick();
        int i = next;
        next = (i + 1) & (RING - 1);
        return opener.open(i, NO_AD, sealed[i], 0, size + ChaChaPoly.TAG_LENGTH, out, 0);
    }
}
