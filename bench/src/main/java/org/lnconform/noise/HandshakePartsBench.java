package org.lnconform.noise;

import java.util.Random;
import org.lnconform.bench.CpuClock;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.crypto.BouncyCastleChaChaPoly;
import org.lnconform.noise.crypto.HybridChaChaPoly;
import org.lnconform.noise.crypto.JdkChaChaPoly;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The symmetric steps of a BOLT 8 handshake, measured on the noise module's own package-private
 * code (this class sits in its package, in the bench jar only). Per full handshake (both
 * sides): 8 HKDFs, 12 SHA-256s (mixHash and the initial h), 8 AEAD calls each on a freshly keyed
 * instance.
 * Together with {@code Secp256k1Bench} this accounts for {@code HandshakeBench}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HandshakePartsBench {

    private byte[] ck;
    private byte[] ikm;
    private byte[] h;
    private byte[] key;
    private byte[] staticKey;
    private long nonce;

    @Setup
    public void setUp() {
        Random random = new Random(8);
        ck = new byte[32];
        ikm = new byte[32];
        h = new byte[32];
        key = new byte[32];
        staticKey = new byte[33];
        random.nextBytes(ck);
        random.nextBytes(ikm);
        random.nextBytes(h);
        random.nextBytes(key);
        random.nextBytes(staticKey);
    }

    /** {@code ck, temp_k = HKDF(ck, ikm)}: three HMAC-SHA256 with the JDK's Mac. */
    @Benchmark
    public byte[][] hkdf(CpuClock clock) {
        clock.tick();
        return SymmetricState.hkdf(ck, ikm);
    }

    /** {@code h = SHA-256(h || data)} with a 33-byte key. */
    @Benchmark
    public byte[] mixHash(CpuClock clock) {
        clock.tick();
        return SymmetricState.sha256(h, staticKey);
    }

    /** A handshake tag: new instance for temp_k, seal of nothing with h as associated data. */
    @Benchmark
    public byte[] encryptWithAdBouncyCastle(CpuClock clock) {
        clock.tick();
        return SymmetricState.encryptWithAd(BouncyCastleChaChaPoly.FACTORY, key, nonce++, h, SymmetricState.EMPTY);
    }

    @Benchmark
    public byte[] encryptWithAdHybrid(CpuClock clock) {
        clock.tick();
        return SymmetricState.encryptWithAd(HYBRID, key, nonce++, h, SymmetricState.EMPTY);
    }

    @Benchmark
    public byte[] encryptWithAdJdk(CpuClock clock) {
        clock.tick();
        return SymmetricState.encryptWithAd(JdkChaChaPoly.FACTORY, key, nonce++, h, SymmetricState.EMPTY);
    }

    private static final org.lnconform.noise.crypto.ChaChaPoly.Factory HYBRID =
            HybridChaChaPoly.factory(HybridChaChaPoly.DEFAULT_THRESHOLD);
}
