package org.lnconform.bench;

import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.Session;
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
 * A whole BOLT 8 handshake, both sides in this thread: Act One, Two and Three with fresh
 * ephemeral keys from a SecureRandom, six ECDHs, two key generations. One op = one handshake.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HandshakeBench {

    /**
     * {@code defaults} is CryptoProvider.defaults() (what this JVM would use); {@code pureJava} is
     * BouncyCastle only; the {@code NoPrecheck} variants are the same crypto with the on-curve
     * checks left to ECDH (see {@link PrecheckFreeSecp256k1}).
     */
    @Param({"defaults", "pureJava", "defaultsNoPrecheck", "pureJavaNoPrecheck"})
    public String crypto;

    private SessionPair pair;

    @Setup
    public void setUp() {
        CryptoProvider provider = crypto.startsWith("defaults") ? CryptoProvider.defaults() : CryptoProvider.pureJava();
        if (crypto.endsWith("NoPrecheck")) {
            provider = new CryptoProvider(new PrecheckFreeSecp256k1(provider.secp256k1()), provider.aead());
        }
        System.out.println("# " + crypto + ": " + provider.describe());
        pair = new SessionPair(provider, new SecureRandom());
    }

    @Benchmark
    public Session[] handshake(CpuClock clock) throws HandshakeException {
        clock.tick();
        return pair.handshake();
    }
}
