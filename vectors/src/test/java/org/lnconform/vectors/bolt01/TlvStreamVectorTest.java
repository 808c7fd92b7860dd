package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.tlv.TlvRecord;
import org.lnconform.wire.tlv.TlvStream;

/** BOLT 1 Appendix B, TLV Stream Decoding Failure: the listed streams and the two appending rules. */
class TlvStreamVectorTest {

    static final String FILE = "bolt01-tlv-stream-decoding-failures.json";

    static List<VectorCase> cases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(FILE);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            String reason = v.get("reason").asText();
            Bytes stream = Bytes.fromHex(v.get("hex").asText());
            for (String ns : TlvVectorTest.appliesTo(v)) {
                String name = reason + " " + v.get("as_written").asText() + " [" + ns + "]";
                out.add(new VectorCase(i, name, () ->
                        TlvVectorTest.expectFailure(stream, TlvVectorTest.namespace(ns), TlvFailureKinds.forReason(reason))));
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> tlvStreamDecodingFailures() {
        return Bolt01Vectors.tests(cases());
    }

    /** A stream from the data files, with the namespaces it is valid or invalid in. */
    private record Sample(String text, Bytes hex, List<String> namespaces) {
        static Sample of(JsonNode v, String label) {
            return new Sample(label + " " + Bolt01Vectors.shortText(v.get("as_written").asText()),
                    Bytes.fromHex(v.get("hex").asText()), TlvVectorTest.appliesTo(v));
        }
    }

    private static List<Sample> valid() {
        List<Sample> out = new ArrayList<>();
        Bolt01Vectors.items(TlvVectorTest.SUCCESSES).forEach(v -> out.add(Sample.of(v, "valid")));
        return out;
    }

    private static List<Sample> invalid() {
        List<Sample> out = new ArrayList<>();
        Bolt01Vectors.items(TlvVectorTest.FAILURES).forEach(v -> out.add(Sample.of(v, v.get("reason").asText())));
        Bolt01Vectors.items(FILE).forEach(v -> out.add(Sample.of(v, v.get("reason").asText())));
        return out;
    }

    /** Rule 1: any valid stream followed by any invalid one fails to decode (with whichever kind). */
    @TestFactory
    Stream<DynamicNode> appendingInvalidToValidFails() {
        List<DynamicNode> tests = new ArrayList<>();
        for (Sample ok : valid()) {
            for (Sample bad : invalid()) {
                for (String ns : ok.namespaces()) {
                    if (!bad.namespaces().contains(ns)) {
                        continue;
                    }
                    Bytes joined = ok.hex().concat(bad.hex());
                    tests.add(DynamicTest.dynamicTest(ok.text() + " + " + bad.text() + " [" + ns + "]", () ->
                            assertThat(catchThrowableOfType(WireException.class,
                                    () -> TlvStream.decode(joined, TlvVectorTest.namespace(ns)))).isNotNull()));
                }
            }
        }
        return Stream.of(DynamicContainer.dynamicContainer(
                "Any appending of an invalid stream to a valid stream should trigger a decoding failure", tests));
    }

    /** Rule 2: a valid stream followed by a valid one whose types are all higher decodes to both. */
    @TestFactory
    Stream<DynamicNode> appendingHigherValidToLowerValidSucceeds() throws WireException {
        List<DynamicNode> tests = new ArrayList<>();
        List<Sample> valid = valid();
        for (Sample low : valid) {
            for (Sample high : valid) {
                for (String ns : low.namespaces()) {
                    if (!high.namespaces().contains(ns)) {
                        continue;
                    }
                    List<TlvRecord> a = TlvStream.decode(low.hex(), TlvVectorTest.namespace(ns)).records();
                    List<TlvRecord> b = TlvStream.decode(high.hex(), TlvVectorTest.namespace(ns)).records();
                    if (a.isEmpty() || b.isEmpty()
                            || Long.compareUnsigned(a.get(a.size() - 1).type(), b.get(0).type()) >= 0) {
                        continue;
                    }
                    Bytes joined = low.hex().concat(high.hex());
                    tests.add(DynamicTest.dynamicTest(low.text() + " + " + high.text() + " [" + ns + "]", () -> {
                        TlvStream s = TlvStream.decode(joined, TlvVectorTest.namespace(ns));
                        List<TlvRecord> expected = new ArrayList<>(a);
                        expected.addAll(b);
                        assertThat(s.records()).isEqualTo(expected);
                        assertThat(s.encode()).isEqualTo(joined);
                    }));
                }
            }
        }
        assertThat(tests).isNotEmpty();
        return Stream.of(DynamicContainer.dynamicContainer(
                "Any appending of a higher-numbered valid stream to a lower-numbered valid stream should not trigger"
                        + " a decoding failure", tests));
    }
}
