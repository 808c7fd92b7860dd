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
 * Opening a ciphertext that does not start at index 0 of its array, as a BOLT 8 body does when
 * the frame (18-byte header, then body) sits in one array. JDK 17's provider copies the whole
 * input when {@code inputOffset != 0}; compare {@code offset=0} with {@code offset=18}, and run
 * with {@code -prof gc} to see the bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OpenAtOffsetBench {

    private static final byte[] NO_AD = new byte[0];
    private static final int RING = 4;

    @Param({"jdk", "bouncycastle"})
    public String provider;

    @Param({"0", "18"})
    public int offset;

    @Param({"65535"})
    public int size;

    private ChaChaPoly opener;
    private byte[][] frames;
    private byte[] out;
    private int next = 1;

    @Setup
    public void setUp() throws ChaChaPoly.BadTagException {
        Random random = new Random(8);
        byte[] key = new byte[32];
        random.nextBytes(key);
        byte[] plaintext = new byte[size];
        random.nextBytes(plaintext);
        ChaChaPoly.Factory factory = Candidates.aead(provider);
        ChaChaPoly sealer = factory.forKey(key);
        opener = factory.forKey(key);
        frames = new byte[RING][];
        for (int i = 0; i < RING; i++) {
            frames[i] = new byte[offset + size + ChaChaPoly.TAG_LENGTH];
            sealer.seal(i, NO_AD, plaintext, 0, size, frames[i], offset);
        }
        out = new byte[size];
        opener.open(0, NO_AD, frames[0], offset, size + ChaChaPoly.TAG_LENGTH, out, 0);
    }

    @Benchmark
    public int open(CpuClock clock) throws ChaChaPoly.BadTagException {
        clock.tick();
        int i = next;
        next = (i + 1) & (RING - 1);
        return opener.open(i, NO_AD, frames[i], offset, size + ChaChaPoly.TAG_LENGTH, out, 0);
    }
}
