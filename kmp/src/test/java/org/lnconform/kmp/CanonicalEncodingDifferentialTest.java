package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.lnconform.noise.Hex;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/**
 * Random canonical BOLT 1 messages built from the same values in both stacks: the two
 * encodings must be byte-identical, and each decoder must read the other's with equal fields.
 */
@DisplayName("BOLT 1 messages: random canonical messages, both stacks")
class CanonicalEncodingDifferentialTest {

    /** Random canonical messages: same encoding from both stacks, same fields from both decoders. */
    @RepeatedTest(value = 300, name = "random canonical message #{currentRepetition}")
    void randomCanonicalMessagesAgree(RepetitionInfo rep) throws Exception {
        Random r = Seeds.random(20 + rep.getCurrentRepetition());
        String ctx = "repetition " + rep.getCurrentRepetition() + ", " + Seeds.describe();
        Pair pair = randomPair(r);
        byte[] oursBytes = LightningMessageCodec.encode(pair.ours());
        byte[] kmpBytes = KmpCodec.encode(pair.kmp());
        assertThat(Hex.encode(kmpBytes)).as("encodings, %s", ctx).isEqualTo(Hex.encode(oursBytes));
        Verdict oursOfKmp = Verdict.ours(kmpBytes);
        Verdict kmpOfOurs = Verdict.kmp(oursBytes);
        assertThat(oursOfKmp.accepted()).as("ours decodes kmp's, %s: %s", ctx, oursOfKmp).isTrue();
        assertThat(kmpOfOurs.accepted()).as("kmp decodes ours, %s: %s", ctx, kmpOfOurs).isTrue();
        assertThat(kmpOfOurs.message()).as(ctx).isEqualTo(oursOfKmp.message());
        assertThat(kmpOfOurs.fields()).as(ctx).isEqualTo(oursOfKmp.fields());
    }

    /** One message built in both stacks from the same values. */
    record Pair(LightningMessage ours, fr.acinq.lightning.wire.LightningMessage kmp) {}

    static Pair randomPair(Random r) {
        byte[] b = new byte[r.nextInt(80)];
        r.nextBytes(b);
        byte[] channel = new byte[32];
        r.nextBytes(channel);
        switch (r.nextInt(5)) {
            case 0 -> {
                int n = r.nextInt(65536);
                return new Pair(new Ping(n, Bytes.of(b)), KmpCodec.ping(n, b));
            }
            case 1 -> {
                return new Pair(new Pong(Bytes.of(b)), KmpCodec.pong(b));
            }
            case 2 -> {
                return new Pair(new Warning(Bytes.of(channel), Bytes.of(b)), KmpCodec.warning(channel, b));
            }
            case 3 -> {
                return new Pair(new ErrorMessage(Bytes.of(channel), Bytes.of(b)), KmpCodec.error(channel, b));
            }
            default -> {
                return randomInit(r);
            }
        }
    }

    /**
     * An init both stacks write the same way: no globalfeatures, minimal features with at most
     * one bit of each pair (lightning-kmp cannot hold both, FINDINGS KMP-03), TLVs of types below
     * 2^63 (FINDINGS KMP-02).
     */
    static Pair randomInit(Random r) {
        BitSet bits = new BitSet();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int pair = r.nextInt(r.nextBoolean() ? 32 : 300);
            if (!bits.get(2 * pair) && !bits.get(2 * pair + 1)) {
                bits.set(2 * pair + (r.nextBoolean() ? 1 : 0));
            }
        }
        Bytes features = FeatureVector.of(bits.stream().toArray()).toBytes();
        List<TlvRecord> records = new ArrayList<>();
        List<byte[]> networks = null;
        if (r.nextBoolean()) {
            networks = new ArrayList<>();
            Bytes all = Bytes.empty();
            for (int i = r.nextInt(3); i > 0; i--) {
                byte[] h = new byte[32];
                r.nextBytes(h);
                networks.add(h);
                all = all.concat(Bytes.of(h));
            }
            records.add(new TlvRecord(1, all));
        }
        Map<Long, byte[]> extra = new TreeMap<>();
        MessageGenerators gen = new MessageGenerators(r);
        if (r.nextBoolean()) {
            Bytes addr = gen.address().encode();
            records.add(new TlvRecord(3, addr));
            extra.put(3L, addr.toByteArray());
        }
        for (TlvRecord odd : gen.oddRecords(5)) {
            records.add(odd);
            extra.put(odd.type(), odd.value().toByteArray());
        }
        return new Pair(new Init(Bytes.empty(), features, TlvStream.of(records)),
                KmpCodec.init(features.toByteArray(), networks, extra));
    }
}
