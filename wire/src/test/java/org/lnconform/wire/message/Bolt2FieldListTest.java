package org.lnconform.wire.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.tlv.TlvField;

/**
 * Every decoded BOLT 2 message has the fields of its {@code msgdata} rows in the spec's csv
 * ({@code csv/02-peer-protocol.csv}, copied from the pinned spec), in order and with a Java type
 * that holds the csv type; a length field ({@code len}) is implied by the variable field after
 * it. Its extension namespace has exactly the csv's {@code tlvtype} rows.
 */
class Bolt2FieldListTest {

    private static final String CSV = "/org/lnconform/wire/csv/02-peer-protocol.csv";

    record Field(String name, String type, String count) {
    }

    @Test
    void everyBolt2RecordHasTheCsvFieldsInOrder() throws IOException {
        Map<String, List<Field>> spec = msgdata();
        List<MessageCodec<?>> bolt2 = MessageRegistry.standard().codecs().stream()
                .filter(c -> c.messageType().bolt() == 2).toList();
        assertThat(bolt2).extracting(MessageCodec::name).contains("open_channel", "accept_channel", "funding_created",
                "funding_signed", "channel_ready", "shutdown", "closing_signed", "channel_reestablish");
        for (MessageCodec<?> codec : bolt2) {
            List<Field> rows = spec.get(codec.name());
            assertThat(rows).as("%s has msgdata rows", codec.name()).isNotNull();
            List<String> expected = new ArrayList<>();
            List<String> expectedTypes = new ArrayList<>();
            for (Field f : rows) {
                boolean isLength = rows.stream().anyMatch(o -> o.count().equals(f.name()));
                if (isLength || f.name().equals("tlvs")) {
                    continue;
                }
                expected.add(f.name());
                expectedTypes.add(javaType(f));
            }
            RecordComponent[] components = codec.messageClass().getRecordComponents();
            List<String> actual = Arrays.stream(components).map(c -> snake(c.getName()))
                    .filter(n -> !n.equals("tlvs")).toList();
            List<String> actualTypes = Arrays.stream(components).filter(c -> !c.getName().equals("tlvs"))
                    .map(c -> c.getType().getSimpleName()).toList();
            assertThat(actual).as("fields of %s", codec.name()).containsExactlyElementsOf(expected);
            assertThat(actualTypes).as("field types of %s", codec.name()).containsExactlyElementsOf(expectedTypes);
            assertThat(components[components.length - 1].getName()).as("%s ends in its extension", codec.name())
                    .isEqualTo("tlvs");
        }
    }

    @Test
    void everyBolt2ExtensionHasTheCsvTlvTypes() throws IOException {
        Map<String, Map<Long, String>> spec = tlvtypes();
        for (MessageCodec<?> codec : MessageRegistry.standard().codecs()) {
            if (codec.messageType().bolt() != 2) {
                continue;
            }
            String namespace = codec.name() + "_tlvs";
            assertThat(codec.extensions().name()).isEqualTo(namespace);
            Map<Long, String> ours = new LinkedHashMap<>();
            for (TlvField<?> f : codec.extensions().fields()) {
                ours.put(f.type(), f.name());
            }
            assertThat(ours).as(namespace).isEqualTo(spec.getOrDefault(namespace, Map.of()));
        }
    }

    /** The Java type that holds a csv field type. */
    private static String javaType(Field f) {
        return switch (f.type()) {
            case "u64", "u32" -> "long";
            case "u16" -> "int";
            case "byte" -> f.count().isEmpty() ? "int" : Bytes.class.getSimpleName();
            case "point", "chain_hash", "channel_id", "sha256", "signature" -> Bytes.class.getSimpleName();
            default -> throw new AssertionError("csv type not mapped: " + f);
        };
    }

    static String snake(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static List<String[]> rows() throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                Bolt2FieldListTest.class.getResourceAsStream(CSV), StandardCharsets.UTF_8))) {
            return r.lines().filter(l -> !l.isBlank()).map(l -> l.split(",", -1)).toList();
        }
    }

    private static Map<String, List<Field>> msgdata() throws IOException {
        Map<String, List<Field>> out = new LinkedHashMap<>();
        for (String[] row : rows()) {
            if (row[0].equals("msgdata")) {
                out.computeIfAbsent(row[1], k -> new ArrayList<>()).add(new Field(row[2], row[3], row[4]));
            }
        }
        return out;
    }

    private static Map<String, Map<Long, String>> tlvtypes() throws IOException {
        Map<String, Map<Long, String>> out = new LinkedHashMap<>();
        for (String[] row : rows()) {
            if (row[0].equals("tlvtype")) {
                out.computeIfAbsent(row[1], k -> new LinkedHashMap<>()).put(Long.parseLong(row[3]), row[2]);
            }
        }
        return out;
    }
}
