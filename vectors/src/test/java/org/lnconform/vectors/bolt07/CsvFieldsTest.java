package org.lnconform.vectors.bolt07;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.gossip.ChannelUpdateChecksums;
import org.lnconform.wire.gossip.ChannelUpdateTimestamps;
import org.lnconform.wire.gossip.EncodingType;
import org.lnconform.wire.gossip.QueryFlags;
import org.lnconform.wire.gossip.QueryTlvs;
import org.lnconform.wire.message.GossipTimestampFilter;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.MessageCodec;
import org.lnconform.wire.message.MessageRegistry;
import org.lnconform.wire.message.QueryChannelRange;
import org.lnconform.wire.message.QueryShortChannelIds;
import org.lnconform.wire.message.ReplyChannelRange;
import org.lnconform.wire.message.ReplyShortChannelIdsEnd;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvStream;

/**
 * The five query messages against the spec's own field table (csv/07-routing-gossip.csv, copied
 * into the vector resources): the registry's type number and name match the msgtype row; a
 * message we encode is read back by a tiny reader that knows only the csv's field list, and each
 * field lands in the record component of the same name; the TLV namespaces match the tlvtype rows.
 */
class CsvFieldsTest {

    private static final String CSV = "/org/lnconform/vectors/bolt07-routing-gossip.csv";

    private static final Map<String, TlvNamespace> NAMESPACES = Map.of(
            "query_short_channel_ids_tlvs", QueryTlvs.QUERY_SHORT_CHANNEL_IDS,
            "query_channel_range_tlvs", QueryTlvs.QUERY_CHANNEL_RANGE,
            "reply_channel_range_tlvs", QueryTlvs.REPLY_CHANNEL_RANGE);

    private static final Bytes CHAIN = Bytes.fromHex("06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");

    /** One message of each type, with every field and TLV set. */
    private static List<LightningMessage> samples() {
        List<ShortChannelId> ids = List.of(new ShortChannelId(1, 2, 3), new ShortChannelId(4, 5, 6));
        return List.of(
                QueryShortChannelIds.of(CHAIN, ids).withQueryFlags(QueryFlags.uncompressed(List.of(1L, 31L))),
                new ReplyShortChannelIdsEnd(CHAIN, 1),
                new QueryChannelRange(CHAIN, 700_000, 2016).withQueryOption(3),
                new ReplyChannelRange(CHAIN, 700_000, 2016, 1, ReplyChannelRange.of(CHAIN, 0, 1, true, ids)
                        .encodedShortIds(), TlvStream.empty()
                        .with(QueryTlvs.TIMESTAMPS, new ChannelUpdateTimestamps.Encoded(EncodingType.UNCOMPRESSED,
                                List.of(new ChannelUpdateTimestamps(1, 2), new ChannelUpdateTimestamps(3, 4))).encode())
                        .with(QueryTlvs.CHECKSUMS, List.of(new ChannelUpdateChecksums(5, 6), new ChannelUpdateChecksums(7, 8)))),
                new GossipTimestampFilter(CHAIN, 1_700_000_000L, 86_400));
    }

    @TestFactory
    Stream<DynamicTest> messagesFollowTheCsv() throws IOException {
        List<String[]> rows = rows();
        return samples().stream().map(m -> DynamicTest.dynamicTest(codec(m).name(), () -> check(m, rows)));
    }

    @TestFactory
    Stream<DynamicTest> tlvNamespacesFollowTheCsv() throws IOException {
        List<String[]> rows = rows();
        return NAMESPACES.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Map<String, Long> csv = new LinkedHashMap<>();
            rows.stream().filter(r -> r[0].equals("tlvtype") && r[1].equals(e.getKey()))
                    .forEach(r -> csv.put(r[2], Long.parseLong(r[3])));
            Map<String, Long> ours = new LinkedHashMap<>();
            for (TlvField<?> f : e.getValue().fields()) {
                ours.put(f.name(), f.type());
            }
            assertThat(ours).isEqualTo(csv);
            assertThat(e.getValue().name()).isEqualTo(e.getKey());
        }));
    }

    private static MessageCodec<?> codec(LightningMessage m) {
        return MessageRegistry.standard().codec(m.type()).orElseThrow();
    }

    private static void check(LightningMessage m, List<String[]> rows) throws Exception {
        String name = codec(m).name();
        String[] type = rows.stream().filter(r -> r[0].equals("msgtype") && r[1].equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " has no msgtype row"));
        assertThat(m.type()).isEqualTo(Integer.parseInt(type[2]));
        WireReader in = new WireReader(LightningMessageCodec.encode(m));
        assertThat(in.u16("type")).isEqualTo(m.type());
        Map<String, Object> fields = new LinkedHashMap<>();
        Map<String, Long> lengths = new LinkedHashMap<>();
        for (String[] r : rows) {
            if (!r[0].equals("msgdata") || !r[1].equals(name)) {
                continue;
            }
            String field = r[2];
            String kind = r[3];
            String count = r.length > 4 ? r[4] : "";
            Object value = read(in, field, kind, count, lengths);
            if (kind.equals("u16") && field.equals("len")) {
                lengths.put(field, (Long) value);
            } else {
                fields.put(field, value);
            }
        }
        assertThat(in.hasRemaining()).as("bytes the csv does not describe").isFalse();
        Map<String, Object> components = new LinkedHashMap<>();
        for (RecordComponent c : m.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(m);
            components.put(snake(c.getName()), v instanceof TlvStream t ? t.encode() : v instanceof Integer i ? (long) i : v);
        }
        if (!fields.containsKey("tlvs")) {
            // no tlvs row in the csv: the record's extension (BOLT 1 lets every message carry one) is empty here
            assertThat(components.remove("tlvs")).isEqualTo(Bytes.empty());
        }
        assertThat(components).as("record components vs csv fields of " + name).isEqualTo(fields);
    }

    /** The csv's field kinds these five messages use. */
    private static Object read(WireReader in, String field, String kind, String count, Map<String, Long> lengths)
            throws WireException {
        if (!count.isEmpty()) {
            long n = lengths.getOrDefault(count, -1L);
            assertThat(n).as(field + " counted by " + count).isNotNegative();
            return in.bytes((int) n, field);
        }
        return switch (kind) {
            case "chain_hash" -> in.chainHash(field);
            case "u16" -> (long) in.u16(field);
            case "u32" -> in.u32(field);
            case "byte" -> (long) in.u8(field);
            default -> {
                if (kind.endsWith("_tlvs")) {
                    yield in.remainingBytes(field);
                }
                throw new AssertionError("csv kind " + kind + " not handled");
            }
        };
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static List<String[]> rows() throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = CsvFieldsTest.class.getResourceAsStream(CSV)) {
            assertThat(in).as(CSV).isNotNull();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .filter(l -> !l.isBlank()).forEach(l -> out.add(l.split(",", -1)));
        }
        assertThat(out).isNotEmpty();
        return out;
    }
}
