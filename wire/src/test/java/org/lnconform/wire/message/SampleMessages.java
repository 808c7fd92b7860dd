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

    static final Map<Integer, Function<Random, LightningMessage>> GENERATORS = QuerySamples.with(Map.of(
            Init.TYPE, r -> new Init(bytes(r, 2), bytes(r, 8), oddTlvs(r))
                    .withNetworks(List.of(bytes(r, 32, 32))),
            ErrorMessage.TYPE, r -> new ErrorMessage(bytes(r, 32, 32), bytes(r, 40), oddTlvs(r)),
            Warning.TYPE, r -> new Warning(bytes(r, 32, 32), bytes(r, 40), oddTlvs(r)),
            Ping.TYPE, r -> new Ping(r.nextInt(0x10000), bytes(r, 16), oddTlvs(r)),
            Pong.TYPE, r -> new Pong(bytes(r, 16), oddTlvs(r)),
            PeerStorage.TYPE, r -> new PeerStorage(bytes(r, 64), oddTlvs(r)),
            PeerStorageRetrieval.TYPE, r -> new PeerStorageRetrieval(bytes(r, 64), oddTlvs(r))));

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
            long type = 2L * r.nextInt(100_000) + 1;
            s = s.with(new TlvRecord(type, bytes(r, 5)));
        }
        return s;
    }
}
