package org.lnconform.vectors.bolt07;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.gossip.ChannelUpdateChecksums;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodedShortIds;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;

/**
 * BOLT 7's extended-queries examples (bolt07/extended-queries.json), replayed: each hex decodes
 * to the fields the example lists, every encoded_ array (both encodings) to its values, and the
 * message re-encodes to the same bytes. Display name = the example's name in our vector file.
 */
class ExtendedQueriesVectorTest {

    static final String FILE = "/org/lnconform/vectors/bolt07-extended-queries.json";

    static List<JsonNode> items() throws IOException {
        try (InputStream in = ExtendedQueriesVectorTest.class.getResourceAsStream(FILE)) {
            assertThat(in).as(FILE).isNotNull();
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).path("data").path("vectors").forEach(out::add);
            return out;
        }
    }

    @TestFactory
    Stream<DynamicTest> extendedQueries() throws IOException {
        return items().stream().map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> replay(v)));
    }

    @Test
    void everyExampleIsReplayed() throws IOException {
        // the spec file has ten examples; each is one dynamic test above
        assertThat(items()).hasSize(10).allMatch(v -> v.hasNonNull("name") && v.hasNonNull("hex"));
    }

    private static void replay(JsonNode v) throws WireException {
        Bytes hex = Bytes.fromHex(v.get("hex").asText());
        JsonNode msg = v.get("msg");
        LightningMessage m = LightningMessageCodec.decode(hex);
        switch (msg.get("type").asText()) {
            case "QueryChannelRange" -> queryChannelRange((QueryChannelRange) m, msg);
            case "ReplyChannelRange" -> replyChannelRange((ReplyChannelRange) m, msg);
            case "QueryShortChannelIds" -> queryShortChannelIds((QueryShortChannelIds) m, msg);
            default -> throw new AssertionError("unexpected example type " + msg.get("type"));
        }
        assertThat(LightningMessageCodec.encodeToBytes(m)).isEqualTo(hex);
    }

    private static void queryChannelRange(QueryChannelRange m, JsonNode msg) throws WireException {
        assertThat(m.chainHash()).isEqualTo(Bytes.fromHex(msg.get("chainHash").asText()));
        assertThat(m.firstBlocknum()).isEqualTo(msg.get("firstBlockNum").asLong());
        assertThat(m.numberOfBlocks()).isEqualTo(msg.get("numberOfBlocks").asLong());
        long expected = 0;
        for (JsonNode record : msg.path("tlvStream").path("records")) {
            for (String flag : record.asText().split("\\|")) {
                expected |= switch (flag.trim()) {
                    case "WANT_TIMESTAMPS" -> QueryTlvs.WANT_TIMESTAMPS;
                    case "WANT_CHECKSUMS" -> QueryTlvs.WANT_CHECKSUMS;
                    default -> throw new AssertionError("unknown flag " + flag);
                };
            }
        }
        assertThat(m.queryOption().orElse(0L)).isEqualTo(expected);
        assertThat(m.queryOption().isPresent()).isEqualTo(!msg.path("tlvStream").path("records").isEmpty());
    }

    private static void replyChannelRange(ReplyChannelRange m, JsonNode msg) throws WireException {
        assertThat(m.chainHash()).isEqualTo(Bytes.fromHex(msg.get("chainHash").asText()));
        assertThat(m.firstBlocknum()).isEqualTo(msg.get("firstBlockNum").asLong());
        assertThat(m.numberOfBlocks()).isEqualTo(msg.get("numberOfBlocks").asLong());
        assertThat(m.syncComplete()).isEqualTo(msg.get("complete").asInt());
        ids(m.shortChannelIds(), msg.get("shortChannelIds"));
        JsonNode ts = msg.get("timestamps");
        if (ts == null) {
            assertThat(m.timestamps()).isEmpty();
        } else {
            ChannelUpdateTimestamps.Encoded got = m.timestamps().orElseThrow();
            assertThat(got.encoding()).isEqualTo(encoding(ts.get("encoding").asText()));
            List<ChannelUpdateTimestamps> want = new ArrayList<>();
            ts.get("timestamps").forEach(t -> want.add(new ChannelUpdateTimestamps(t.get("timestamp1").asLong(),
                    t.get("timestamp2").asLong())));
            assertThat(got.timestamps()).isEqualTo(want);
        }
        JsonNode cs = msg.get("checksums");
        if (cs == null) {
            assertThat(m.checksums()).isEmpty();
        } else {
            List<ChannelUpdateChecksums> want = new ArrayList<>();
            cs.get("checksums").forEach(c -> want.add(new ChannelUpdateChecksums(c.get("checksum1").asLong(),
                    c.get("checksum2").asLong())));
            assertThat(m.checksums().orElseThrow()).isEqualTo(want);
        }
    }

    private static void queryShortChannelIds(QueryShortChannelIds m, JsonNode msg) throws WireException {
        assertThat(m.chainHash()).isEqualTo(Bytes.fromHex(msg.get("chainHash").asText()));
        ids(m.shortChannelIds(), msg.get("shortChannelIds"));
        JsonNode records = msg.path("tlvStream").path("records");
        if (records.isEmpty()) {
            assertThat(m.queryFlags()).isEmpty();
            return;
        }
        QueryFlags flags = m.queryFlags().orElseThrow();
        assertThat(flags.encoding()).isEqualTo(encoding(records.get(0).get("encoding").asText()));
        List<Long> want = new ArrayList<>();
        records.get(0).get("array").forEach(f -> want.add(f.asLong()));
        assertThat(flags.flags()).isEqualTo(want);
        // BOLT 7: one query flag per short_channel_id
        assertThat(flags.flags()).hasSameSizeAs(m.shortChannelIds().ids());
    }

    /** The ids, their encoding, and the exact bytes when re-encoded uncompressed. */
    private static void ids(EncodedShortIds got, JsonNode want) {
        assertThat(got.encoding()).isEqualTo(encoding(want.get("encoding").asText()));
        List<ShortChannelId> ids = new ArrayList<>();
        want.get("array").forEach(id -> ids.add(parse(id.asText())));
        assertThat(got.ids()).isEqualTo(ids);
        assertThat(got.ascending()).isTrue();
    }

    private static EncodingType encoding(String name) {
        return switch (name) {
            case "UNCOMPRESSED" -> EncodingType.UNCOMPRESSED;
            case "COMPRESSED_ZLIB" -> EncodingType.ZLIB;
            default -> throw new AssertionError("unknown encoding " + name);
        };
    }

    /** BOLT 7's BLOCKxTXxOUTPUT notation. */
    private static ShortChannelId parse(String s) {
        String[] p = s.split("x");
        return new ShortChannelId(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
    }
}
