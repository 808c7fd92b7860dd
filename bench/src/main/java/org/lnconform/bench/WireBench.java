package org.lnconform.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
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
 * BOLT 1 codec: encoding a message record to its bytes (type included) and decoding them back.
 * {@code init} carries seven feature bits and the {@code networks} TLV with the bitcoin chain
 * hash; {@code ping} asks for 1000 pong bytes and carries 100 ignored bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Threads(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class WireBench {

    /** Bitcoin mainnet's chain hash as BOLT 0 orders it (the genesis block hash, reversed). */
    private static final Bytes BITCOIN =
            Bytes.fromHex("6fe28c0ab6f1b372c1a6a246ae63f74f931e8365e15a089c68d6190000000000");

    @Param({"init", "ping"})
    public String message;

    private LightningMessage record;
    private byte[] encoded;

    @Setup
    public void setUp() throws WireException {
        switch (message) {
            case "init":
                // data_loss_protect, gossip_queries, var_onion_optin, static_remotekey,
                // payment_secret, basic_mpp, anchors (all odd: "supported").
                record = Init.of(FeatureVector.of(1, 7, 9, 13, 15, 17, 23)).withNetworks(List.of(BITCOIN));
                break;
            case "ping":
                record = Ping.of(1000, 100);
                break;
            default:
                throw new IllegalArgumentException(message);
        }
        encoded = LightningMessageCodec.encode(record);
        if (!LightningMessageCodec.decode(encoded).equals(record)) {
            throw new IllegalStateException(message + " does not round-trip");
        }
    }

    @Benchmark
    public byte[] encode(CpuClock clock) {
        clock.tick();
        return LightningMessageCodec.encode(record);
    }

    @Benchmark
    public LightningMessage decode(CpuClock clock) throws WireException {
        clock.tick();
        return LightningMessageCodec.decode(encoded);
    }
}
