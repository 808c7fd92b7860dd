package org.lnconform.wire.message;

import static org.lnconform.wire.message.SampleMessages.bytes;
import static org.lnconform.wire.message.SampleMessages.oddTlvs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.gossip.ChannelUpdateChecksums;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.gossip.QueryTlvs;

/** Random generators for BOLT 7's query messages, with their TLVs in both encodings. */
final class QuerySamples {

    private QuerySamples() {
    }

    static Map<Integer, Function<Random, LightningMessage>> with(Map<Integer, Function<Random, LightningMessage>> bolt1) {
        Map<Integer, Function<Random, LightningMessage>> all = new HashMap<>(bolt1);
        all.put(QueryShortChannelIds.TYPE, r -> {
            List<ShortChannelId> ids = ids(r);
            QueryShortChannelIds q = new QueryShortChannelIds(bytes(r, 32, 32),
                    new org.lnconform.wire.gossip.EncodedShortIds(encoding(r), ids).encode(), oddTlvs(r));
            if (r.nextBoolean()) {
                List<Long> flags = new ArrayList<>();
                ids.forEach(id -> flags.add((long) r.nextInt(1 << r.nextInt(17))));
                q = q.withQueryFlags(new QueryFlags(encoding(r), flags));
            }
            return q;
        });
        all.put(ReplyShortChannelIdsEnd.TYPE, r -> new ReplyShortChannelIdsEnd(bytes(r, 32, 32), r.nextInt(2), oddTlvs(r)));
        all.put(QueryChannelRange.TYPE, r -> {
            QueryChannelRange q = new QueryChannelRange(bytes(r, 32, 32), u32(r), u32(r), oddTlvs(r));
            return r.nextBoolean() ? q.withQueryOption(r.nextInt(4)) : q;
        });
        all.put(ReplyChannelRange.TYPE, r -> {
            List<ShortChannelId> ids = ids(r);
            var tlvs = oddTlvs(r);
            if (r.nextBoolean()) {
                List<ChannelUpdateTimestamps> ts = new ArrayList<>();
                ids.forEach(id -> ts.add(new ChannelUpdateTimestamps(u32(r), u32(r))));
                tlvs = tlvs.with(QueryTlvs.TIMESTAMPS, new ChannelUpdateTimestamps.Encoded(encoding(r), ts).encode());
            }
            if (r.nextBoolean()) {
                List<ChannelUpdateChecksums> cs = new ArrayList<>();
                ids.forEach(id -> cs.add(new ChannelUpdateChecksums(u32(r), u32(r))));
                tlvs = tlvs.with(QueryTlvs.CHECKSUMS, cs);
            }
            return new ReplyChannelRange(bytes(r, 32, 32), u32(r), u32(r), r.nextInt(2),
                    new org.lnconform.wire.gossip.EncodedShortIds(encoding(r), ids).encode(), tlvs);
        });
        all.put(GossipTimestampFilter.TYPE, r -> new GossipTimestampFilter(bytes(r, 32, 32), u32(r), u32(r), oddTlvs(r)));
        return Map.copyOf(all);
    }

    private static EncodingType encoding(Random r) {
        return r.nextInt(4) == 0 ? EncodingType.ZLIB : EncodingType.UNCOMPRESSED;
    }

    private static long u32(Random r) {
        return r.nextLong() >>> 32;
    }

    private static List<ShortChannelId> ids(Random r) {
        List<ShortChannelId> ids = new ArrayList<>();
        int n = r.nextInt(20);
        long next = r.nextInt(1 << 20);
        for (int i = 0; i < n; i++) {
            next += 1 + r.nextInt(1 << 30);
            ids.add(ShortChannelId.fromLong(next));
        }
        return ids;
    }
}
