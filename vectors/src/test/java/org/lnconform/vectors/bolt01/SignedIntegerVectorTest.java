package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/** BOLT 1 Appendix D: s8/s16/s32/s64 are big-endian two's complement. */
class SignedIntegerVectorTest {

    static final String FILE = "bolt01-signed-integers.json";

    static List<VectorCase> cases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(FILE);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            String type = v.get("implied_type").asText();
            long value = Long.parseLong(v.get("value_str").asText());
            Bytes bytes = Bytes.fromHex(v.get("bytes").asText());
            // Appendix D has no names; the value, its type and bytes identify each vector.
            out.add(new VectorCase(i, type + " " + value + " = " + bytes, () -> {
                WireReader in = new WireReader(bytes);
                assertThat(read(in, type)).isEqualTo(value);
                assertThat(in.hasRemaining()).isFalse();
                assertThat(write(type, value)).isEqualTo(bytes);
            }));
        }
        return out;
    }

    private static long read(WireReader in, String type) throws WireException {
        return switch (type) {
            case "s8" -> in.s8("value");
            case "s16" -> in.s16("value");
            case "s32" -> in.s32("value");
            case "s64" -> in.s64("value");
            default -> throw new IllegalStateException("implied_type " + type);
        };
    }

    private static Bytes write(String type, long value) {
        WireWriter w = new WireWriter();
        switch (type) {
            case "s8" -> w.s8((int) value);
            case "s16" -> w.s16((int) value);
            case "s32" -> w.s32(Math.toIntExact(value));
            case "s64" -> w.s64(value);
            default -> throw new IllegalStateException("implied_type " + type);
        }
        return w.toBytes();
    }

    @TestFactory
    Stream<DynamicTest> signedIntegers() {
        return Bolt01Vectors.tests(cases());
    }
}
