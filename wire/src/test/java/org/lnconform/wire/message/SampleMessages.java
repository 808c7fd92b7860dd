package org.lnconform.wire.message;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/** One random generator per registered message type (lnd's "every message has a generator"). */
final class SampleMessages {

    static final Map<Integer, Function<Random, LightningMessage>> GENERATORS = QuerySamples.with(Map.ofEntries(
            Map.entry(Init.TYPE, r -> new Init(bytes(r, 2), bytes(r, 8), oddTlvs(r))
                    .withNetworks(List.of(bytes(r, 32, 32)))),
            Map.entry(ErrorMessage.TYPE, r -> new ErrorMessage(bytes(r, 32, 32), bytes(r, 40), oddTlvs(r))),
            Map.entry(Warning.TYPE, r -> new Warning(bytes(r, 32, 32), bytes(r, 40), oddTlvs(r))),
            Map.entry(Ping.TYPE, r -> new Ping(r.nextInt(0x10000), bytes(r, 16), oddTlvs(r))),
            Map.entry(Pong.TYPE, r -> new Pong(bytes(r, 16), oddTlvs(r))),
            Map.entry(PeerStorage.TYPE, r -> new PeerStorage(bytes(r, 64), oddTlvs(r))),
            Map.entry(PeerStorageRetrieval.TYPE, r -> new PeerStorageRetrieval(bytes(r, 64), oddTlvs(r))),
            // BOLT 2
            Map.entry(OpenChannel.TYPE, r -> new OpenChannel(fixed(r, 32), fixed(r, 32), r.nextLong(), r.nextLong(),
                    r.nextLong(), r.nextLong(), r.nextLong(), r.nextLong(), u32(r), u16(r), u16(r), point(r), point(r),
                    point(r), point(r), point(r), point(r), r.nextInt(256), openingTlvs(r))),
            Map.entry(AcceptChannel.TYPE, r -> new AcceptChannel(fixed(r, 32), r.nextLong(), r.nextLong(), r.nextLong(),
                    r.nextLong(), u32(r), u16(r), u16(r), point(r), point(r), point(r), point(r), point(r), point(r),
                    openingTlvs(r))),
            Map.entry(FundingCreated.TYPE, r -> new FundingCreated(fixed(r, 32), fixed(r, 32), u16(r), fixed(r, 64),
                    oddTlvs(r))),
            Map.entry(FundingSigned.TYPE, r -> new FundingSigned(fixed(r, 32), fixed(r, 64), oddTlvs(r))),
            Map.entry(ChannelReady.TYPE, r -> {
                TlvStream t = oddTlvs(r);
                return new ChannelReady(fixed(r, 32), point(r), r.nextBoolean() ? t
                        : t.with(ChannelReady.SHORT_CHANNEL_ID, org.lnconform.wire.ShortChannelId.fromLong(r.nextLong())));
            }),
            Map.entry(Shutdown.TYPE, r -> new Shutdown(fixed(r, 32), bytes(r, 34), oddTlvs(r))),
            Map.entry(ClosingSigned.TYPE, r -> {
                TlvStream t = oddTlvs(r);
                return new ClosingSigned(fixed(r, 32), r.nextLong(), fixed(r, 64), r.nextBoolean() ? t
                        : t.with(ClosingSigned.FEE_RANGE, new ClosingSigned.FeeRange(r.nextLong(), r.nextLong())));
            }),
            Map.entry(ChannelReestablish.TYPE, r -> {
                TlvStream t = oddTlvs(r);
                if (r.nextBoolean()) {
                    t = t.with(ChannelReestablish.NEXT_FUNDING, new ChannelReestablish.FundingTxid(fixed(r, 32), r.nextInt(256)));
                }
                if (r.nextBoolean()) {
                    t = t.with(ChannelReestablish.MY_CURRENT_FUNDING_LOCKED,
                            new ChannelReestablish.FundingTxid(fixed(r, 32), r.nextInt(256)));
                }
                return new ChannelReestablish(fixed(r, 32), r.nextLong(), r.nextLong(), fixed(r, 32), point(r), t);
            })));

    /** Valid compressed points (BOLT 3 Appendices C and E), since decoding checks that points lie on the curve. */
    static final List<Bytes> POINTS = List.of(
            Bytes.fromHex("023da092f6980e58d2c037173180e9a465476026ee50f96695963e8efe436f54eb"),
            Bytes.fromHex("030e9f7b623d2ccc7c9bd44d66d5ce21ce504c0acf6385a132cec6d3c39fa711c1"),
            Bytes.fromHex("034f355bdcb7cc0af728ef3cceb9615d90684bb5b2ca5f859ab0f0b704075871aa"),
            Bytes.fromHex("032c0b7cf95324a07d05398b240174dc0c2be444d96b159aa6c7f7b1e668680991"),
            Bytes.fromHex("036d6caac248af96f6afa7f904f550253a0f3ef3f5aa2fe6838a95b216691468e2"),
            Bytes.fromHex("025f7117a78150fe2ef97db7cfc83bd57b2e2c0d0dd25eaf467a4a1c2a45ce1486"));

    private static Bytes point(Random r) {
        return POINTS.get(r.nextInt(POINTS.size()));
    }

    private static Bytes fixed(Random r, int n) {
        return bytes(r, n, n);
    }

    private static int u16(Random r) {
        return r.nextInt(0x10000);
    }

    private static long u32(Random r) {
        return r.nextLong() & 0xffffffffL;
    }

    /** open_channel_tlvs / accept_channel_tlvs: either record or none, plus unknown odd ones. */
    private static TlvStream openingTlvs(Random r) {
        TlvStream t = oddTlvs(r);
        if (r.nextBoolean()) {
            t = t.with(ChannelOpenTlvs.UPFRONT_SHUTDOWN_SCRIPT, bytes(r, 34));
        }
        if (r.nextBoolean()) {
            t = t.with(ChannelOpenTlvs.CHANNEL_TYPE, bytes(r, 4));
        }
        return t;
    }

    private SampleMessages() {
    }

    static LightningMessage sample(int type, Random r) {
        Function<Random, LightningMessage> g = GENERATORS.get(type);
        if (g == null) {
            throw new AssertionError("no generator for message type " + type);
        }
        return g.apply(r);
    }

    static Bytes bytes(Random r, int max) {
        return bytes(r, 0, max);
    }

    static Bytes bytes(Random r, int min, int max) {
        byte[] b = new byte[min + r.nextInt(max - min + 1)];
        r.nextBytes(b);
        return Bytes.of(b);
    }

    /** Zero to two unknown odd records, which every extension must carry through. */
    static TlvStream oddTlvs(Random r) {
        int n = r.nextInt(3);
        TlvStream s = TlvStream.empty();
        for (int i = 0; i < n; i++) {
            long type = 2L * r.nextInt(100_000) + 9; // above the known BOLT 1 and 2 TLV types
            s = s.with(new TlvRecord(type, bytes(r, 5)));
        }
        return s;
    }
}
