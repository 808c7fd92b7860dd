package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/** BOLT 1 Appendix B: TLV decoding failures and successes, in each namespace a vector applies to. */
class TlvVectorTest {

    static final String FAILURES = "bolt01-tlv-decoding-failures.json";
    static final String SUCCESSES = "bolt01-tlv-decoding-successes.json";

    private static final Map<String, TlvNamespace> NAMESPACES = TestNamespaces.load();

    static TlvNamespace namespace(String name) {
        TlvNamespace ns = NAMESPACES.get(name);
        if (ns == null) {
            throw new IllegalStateException("no test namespace " + name);
        }
        return ns;
    }

    static List<String> appliesTo(JsonNode v) {
        List<String> out = new ArrayList<>();
        v.get("applies_to").forEach(n -> out.add(n.asText()));
        return out;
    }

    static List<VectorCase> failureCases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(FAILURES);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            String reason = v.get("reason").asText();
            Bytes stream = Bytes.fromHex(v.get("hex").asText());
            for (String ns : appliesTo(v)) {
                String name = reason + " " + Bolt01Vectors.shortText(v.get("as_written").asText()) + " [" + ns + "]";
                out.add(new VectorCase(i, name, () -> expectFailure(stream, namespace(ns), TlvFailureKinds.forReason(reason))));
            }
        }
        return out;
    }

    static void expectFailure(Bytes stream, TlvNamespace ns, DecodeError kind) {
        WireException e = catchThrowableOfType(WireException.class, () -> TlvStream.decode(stream, ns));
        assertThat(e).as("decoding %s in %s should fail with %s", stream, ns.name(), kind).isNotNull();
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
    }

    static List<VectorCase> successCases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(SUCCESSES);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            String label = v.has("explanation") ? v.get("explanation").asText() : v.get("values_as_written").asText();
            Bytes stream = Bytes.fromHex(v.get("hex").asText());
            for (String ns : appliesTo(v)) {
                String name = label + " " + Bolt01Vectors.shortText(v.get("as_written").asText()) + " [" + ns + "]";
                out.add(new VectorCase(i, name, () -> expectSuccess(stream, namespace(ns), v.get("values"))));
            }
        }
        return out;
    }

    private static void expectSuccess(Bytes stream, TlvNamespace ns, JsonNode values) throws WireException {
        TlvStream decoded = TlvStream.decode(stream, ns);
        int known = 0;
        List<TlvRecord> rebuilt = new ArrayList<>(decoded.unknown(ns));
        for (TlvField<?> f : ns.fields()) {
            if (decoded.record(f.type()).isEmpty()) {
                assertThat(values == null || !values.has(f.name())).as("%s present", f.name()).isTrue();
                continue;
            }
            known++;
            rebuilt.add(checkValues(decoded, f, values));
        }
        if (values == null || values.isNull()) {
            // "decode and be ignored": nothing known, only odd records skipped over.
            assertThat(known).isZero();
            assertThat(decoded.records()).allMatch(r -> !r.isEven());
        } else {
            assertThat(known).isEqualTo(values.size());
        }
        assertThat(decoded.encode()).as("canonical re-encoding").isEqualTo(stream);
        assertThat(TlvStream.of(rebuilt).encode()).as("re-encoding from typed values").isEqualTo(stream);
    }

    @SuppressWarnings("unchecked")
    private static TlvRecord checkValues(TlvStream decoded, TlvField<?> f, JsonNode values) throws WireException {
        TlvField<Map<String, Object>> field = (TlvField<Map<String, Object>>) f;
        Map<String, Object> actual = decoded.get(field).orElseThrow();
        JsonNode expected = values.get(f.name());
        List<String> names = new ArrayList<>();
        expected.fieldNames().forEachRemaining(names::add);
        assertThat(actual.keySet()).containsExactlyElementsOf(names);
        actual.forEach((name, value) -> assertValue(f.name() + "." + name, value, expected.get(name)));
        return TlvRecord.of(field, actual);
    }

    private static void assertValue(String what, Object actual, JsonNode expected) {
        if (actual instanceof ShortChannelId scid) {
            assertThat(scid.blockHeight()).as(what).isEqualTo(expected.get("block_height").asInt());
            assertThat(scid.txIndex()).as(what).isEqualTo(expected.get("tx_index").asInt());
            assertThat(scid.outputIndex()).as(what).isEqualTo(expected.get("output_index").asInt());
            assertThat(scid.toLong()).as(what).isEqualTo(expected.get("u64").asLong());
        } else if (actual instanceof Bytes b) {
            assertThat(b.hex()).as(what).isEqualTo(expected.asText());
        } else if (actual instanceof Long l) {
            assertThat(new BigInteger(Long.toUnsignedString(l))).as(what).isEqualTo(expected.bigIntegerValue());
        } else {
            assertThat(((Number) actual).longValue()).as(what).isEqualTo(expected.asLong());
        }
    }

    @TestFactory
    Stream<DynamicTest> tlvDecodingFailures() {
        return Bolt01Vectors.tests(failureCases());
    }

    @TestFactory
    Stream<DynamicTest> tlvDecodingSuccesses() {
        return Bolt01Vectors.tests(successCases());
    }
}
