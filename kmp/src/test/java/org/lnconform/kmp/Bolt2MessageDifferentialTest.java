package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.Hex;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.message.ChannelReady;
import org.lnconform.wire.message.ChannelReestablish;
import org.lnconform.wire.message.ClosingSigned;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.message.Shutdown;
import org.lnconform.wire.tlv.TlvStream;

/**
 * BOLT 2 messages encoded by one stack and decoded by the other: funding_created,
 * funding_signed, channel_ready (with its alias), shutdown, closing_signed (with fee_range) and
 * channel_reestablish, field by field ({@link Bolt2Fields}), and byte-identical when both build
 * the same message. lightning-kmp 1.8.4 has no v1 open_channel/accept_channel codec.
 */
@DisplayName("BOLT 2 messages: encoded by one stack, decoded by the other")
class Bolt2MessageDifferentialTest {

    /** BOLT 3 Appendix C's local_per_commitment_point and per-commitment secret: valid values for both stacks. */
    static final byte[] POINT = Hex.decode("025f7117a78150fe2ef97db7cfc83bd57b2e2c0d0dd25eaf467a4a1c2a45ce1486");
    static final byte[] SECRET = Hex.decode("1f1e1d1c1b1a191817161514131211100f0e0d0c0b0a09080706050403020100");
    static final byte[][] POINTS = {POINT,
        Hex.decode("023da092f6980e58d2c037173180e9a465476026ee50f96695963e8efe436f54eb"),
        Hex.decode("030e9f7b623d2ccc7c9bd44d66d5ce21ce504c0acf6385a132cec6d3c39fa711c1")};

    /** Same encoding from both stacks, and each decodes the other's to equal fields. */
    @RepeatedTest(value = 200, name = "random BOLT 2 message #{currentRepetition}")
    void randomMessagesAgree(RepetitionInfo rep) throws Exception {
        Random r = Seeds.random(500 + rep.getCurrentRepetition());
        String ctx = "repetition " + rep.getCurrentRepetition() + ", " + Seeds.describe();
        Pair p = randomPair(r);
        byte[] ours = LightningMessageCodec.encode(p.ours());
        byte[] kmp = KmpCodec.encode(p.kmp());
        assertThat(Hex.encode(kmp)).as("encodings, %s", ctx).isEqualTo(Hex.encode(ours));
        Verdict oursOfKmp = Verdict.ours(kmp);
        Verdict kmpOfOurs = Verdict.kmp(ours);
        assertThat(oursOfKmp.accepted()).as("ours decodes kmp's, %s: %s", ctx, oursOfKmp).isTrue();
        assertThat(kmpOfOurs.accepted()).as("kmp decodes ours, %s: %s", ctx, kmpOfOurs).isTrue();
        assertThat(kmpOfOurs.message()).as(ctx).isEqualTo(oursOfKmp.message()).isEqualTo(p.ours().getClass().getSimpleName());
        assertThat(kmpOfOurs.fields()).as(ctx).isEqualTo(oursOfKmp.fields()).isNotEmpty();
    }

    record Pair(LightningMessage ours, fr.acinq.lightning.wire.LightningMessage kmp) {}

    static Pair randomPair(Random r) {
        byte[] id = bytes(r, 32);
        byte[] sig = bytes(r, 64);
        byte[] point = POINTS[r.nextInt(POINTS.length)];
        return switch (r.nextInt(6)) {
            case 0 -> {
                byte[] txid = bytes(r, 32);
                int index = r.nextInt(0x10000);
                yield new Pair(new FundingCreated(Bytes.of(id), Bytes.of(txid), index, Bytes.of(sig)),
                        KmpChannelMessages.fundingCreated(id, txid, index, sig));
            }
            case 1 -> new Pair(new FundingSigned(Bytes.of(id), Bytes.of(sig)), KmpChannelMessages.fundingSigned(id, sig));
            case 2 -> {
                Long alias = r.nextBoolean() ? null : r.nextLong();
                TlvStream t = alias == null ? TlvStream.empty()
                        : TlvStream.empty().with(ChannelReady.SHORT_CHANNEL_ID, ShortChannelId.fromLong(alias));
                yield new Pair(new ChannelReady(Bytes.of(id), Bytes.of(point), t),
                        KmpChannelMessages.channelReady(id, point, alias));
            }
            case 3 -> {
                byte[] script = bytes(r, r.nextInt(50));
                yield new Pair(new Shutdown(Bytes.of(id), Bytes.of(script)), KmpChannelMessages.shutdown(id, script));
            }
            case 4 -> {
                // Satoshi amounts: lightning-kmp holds them as signed longs, so keep them non-negative
                long fee = r.nextLong() >>> 1;
                long[] range = r.nextBoolean() ? null : new long[] {r.nextLong() >>> 1, r.nextLong() >>> 1};
                TlvStream t = range == null ? TlvStream.empty()
                        : TlvStream.empty().with(ClosingSigned.FEE_RANGE, new ClosingSigned.FeeRange(range[0], range[1]));
                yield new Pair(new ClosingSigned(Bytes.of(id), fee, Bytes.of(sig), t),
                        KmpChannelMessages.closingSigned(id, fee, sig, range));
            }
            default -> {
                long next = r.nextLong();
                long revocation = r.nextLong();
                yield new Pair(new ChannelReestablish(Bytes.of(id), next, revocation, Bytes.of(SECRET), Bytes.of(point),
                        TlvStream.empty()), KmpChannelMessages.channelReestablish(id, next, revocation, SECRET, point));
            }
        };
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** The BOLT 2 types both stacks decode. */
    static final int[] SHARED_TYPES = {FundingCreated.TYPE, FundingSigned.TYPE, ChannelReady.TYPE, Shutdown.TYPE,
        ClosingSigned.TYPE, ChannelReestablish.TYPE};

    @Test
    @DisplayName("random payloads under the shared BOLT 2 types: both reject or both accept with equal fields")
    void randomPayloads() {
        Random r = Seeds.random(600);
        DifferentialLedger ledger = new DifferentialLedger("BOLT 2 random payloads");
        for (int i = 0; i < 4000; i++) {
            int type = SHARED_TYPES[r.nextInt(SHARED_TYPES.length)];
            byte[] typical = LightningMessageCodec.encode(randomPairOfType(r, type).ours());
            int len = Math.max(0, typical.length - 2 + r.nextInt(9) - 4);
            byte[] input = new byte[2 + len];
            r.nextBytes(input);
            input[0] = (byte) (type >>> 8);
            input[1] = (byte) type;
            if (r.nextBoolean()) {
                // keep a valid point where the message has one, so the rest of the fields get compared
                System.arraycopy(typical, 2, input, 2, Math.min(len, typical.length - 2) / 2);
            }
            ledger.feed(input);
        }
        ledger.assertAllExplained();
    }

    @Test
    @DisplayName("mutated well-formed BOLT 2 messages: both reject or both accept with equal fields")
    void mutatedMessages() {
        Random r = Seeds.random(601);
        MessageGenerators gen = new MessageGenerators(r);
        DifferentialLedger ledger = new DifferentialLedger("BOLT 2 mutations");
        for (int i = 0; i < 4000; i++) {
            byte[] b = LightningMessageCodec.encode(randomPair(r).ours());
            for (int n = 1 + r.nextInt(3); n > 0; n--) {
                b = gen.mutate(b);
            }
            ledger.feed(b);
        }
        ledger.assertAllExplained();
        assertThat(ledger.agreed()).isGreaterThan(1000);
    }

    static Pair randomPairOfType(Random r, int type) {
        while (true) {
            Pair p = randomPair(r);
            if (p.ours().type() == type) {
                return p;
            }
        }
    }

    @Nested
    @DisplayName("messages only one stack decodes")
    class OneSided {

        @Test
        @DisplayName("lightning-kmp 1.8.4 has no v1 open_channel or accept_channel: both arrive as its UnknownMessage")
        void v1OpenIsUnknownToKmp() throws Exception {
            byte[] open = Hex.decode("0020" + "00".repeat(32 + 32 + 8 * 6 + 4 + 2 + 2));
            assertThat(KmpCodec.decode(open)).isInstanceOf(fr.acinq.lightning.wire.UnknownMessage.class);
            assertThat(KmpCodec.isKnownType(OpenChannel.TYPE)).isFalse();
            assertThat(KmpCodec.isKnownType(OpenChannel.TYPE + 1)).isFalse();
            assertThat(KmpCodec.isKnownType(FundingCreated.TYPE)).isTrue();
        }
    }
}
