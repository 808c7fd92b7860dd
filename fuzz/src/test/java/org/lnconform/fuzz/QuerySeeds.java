package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.gossip.EncodedArray;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;

/**
 * Seeds for BOLT 7's query messages and their {@code encoded_} arrays: the spec's
 * extended-queries examples, whole and as their encoded fields, plus a few hostile ones (an
 * unknown encoding, a partial id, a zlib stream that inflates past the bound).
 */
final class QuerySeeds {

    private static final JsonNode EXAMPLES = Vectors.data("bolt07-extended-queries.json");

    private QuerySeeds() {
    }

    /** A sample of a registered BOLT 7 query type (for {@link MessageSeeds#sample}). */
    static Optional<LightningMessage> sample(int type, Bytes chain) {
        List<ShortChannelId> ids = List.of(new ShortChannelId(0, 0, 142), new ShortChannelId(69, 42692, 0));
        return Optional.ofNullable(switch (type) {
            case QueryShortChannelIds.TYPE -> QueryShortChannelIds.of(chain, ids)
                    .withQueryFlags(QueryFlags.uncompressed(List.of(1L, 31L)));
            case ReplyShortChannelIdsEnd.TYPE -> new ReplyShortChannelIdsEnd(chain, 1);
            case QueryChannelRange.TYPE -> new QueryChannelRange(chain, 100_000, 1500).withQueryOption(3);
            case ReplyChannelRange.TYPE -> ReplyChannelRange.of(chain, 100_000, 1500, true, ids);
            case GossipTimestampFilter.TYPE -> new GossipTimestampFilter(chain, 0, 0xffff_ffffL);
            default -> null;
        });
    }

    /** The examples as whole messages. */
    static Map<String, byte[]> messages() {
        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        for (JsonNode v : Vectors.items(EXAMPLES.get("vectors"))) {
            s.add("bolt07 " + v.get("name").asText(), v.get("hex").asText());
        }
        return s.toMap();
    }

    /** encoded_ arrays: the examples' ids (both encodings) and hostile ones. */
    static Map<String, byte[]> encodedArrays() {
        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        for (JsonNode v : Vectors.items(EXAMPLES.get("vectors"))) {
            String hex = v.get("hex").asText();
            String type = hex.substring(0, 4);
            // query_short_channel_ids: type, chain_hash, len; reply_channel_range: also blocks and sync_complete
            int lenAt = type.equals("0105") ? 4 + 64 : type.equals("0108") ? 4 + 64 + 8 + 8 + 2 : -1;
            if (lenAt < 0) {
                continue;
            }
            int len = Integer.parseInt(hex.substring(lenAt, lenAt + 4), 16);
            s.add(v.get("name").asText() + " encoded_short_ids", hex.substring(lenAt + 4, lenAt + 4 + 2 * len));
        }
        s.add("unknown encoding 2", "02" + "00".repeat(8));
        s.add("partial short_channel_id", "00" + "00".repeat(11));
        s.add("zlib inflating past the bound",
                EncodedArray.encode(EncodingType.ZLIB, Bytes.zeros(EncodedArray.MAX_INFLATED + 8)).toByteArray());
        s.add("non-minimal bigsize flag", "00fd0001");
        return s.toMap();
    }
}
