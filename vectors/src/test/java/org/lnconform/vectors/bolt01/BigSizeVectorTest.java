package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;
import org.lnconform.wire.BigSize;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;

/** BOLT 1 Appendix A: BigSize decoding and encoding. */
class BigSizeVectorTest {

    static final String DECODING = "bolt01-bigsize-decoding.json";
    static final String ENCODING = "bolt01-bigsize-encoding.json";

    /** The Go reference's error strings, as our typed kinds. */
    private static final Map<String, DecodeError> EXPECTED = Map.of(
            "decoded bigsize is not canonical", DecodeError.BIGSIZE_NOT_MINIMAL,
            "unexpected EOF", DecodeError.SHORT_READ,
            "EOF", DecodeError.SHORT_READ);

    static List<VectorCase> decodingCases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(DECODING);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            Bytes bytes = Bytes.fromHex(v.get("bytes").asText());
            String error = v.path("exp_error").asText("");
            out.add(new VectorCase(i, v.get("name").asText(), () -> {
                WireReader in = new WireReader(bytes);
                if (error.isEmpty()) {
                    long value = BigSize.read(in, "bigsize");
                    assertThat(Long.toUnsignedString(value)).isEqualTo(v.get("value_str").asText());
                    assertThat(in.hasRemaining()).isFalse();
                } else {
                    assertThat(EXPECTED).as("a kind for exp_error '%s'", error).containsKey(error);
                    WireException e = catchThrowableOfType(WireException.class, () -> BigSize.read(in, "bigsize"));
                    assertThat(e).as("decoding %s should fail with '%s'", bytes, error).isNotNull();
                    assertThat(e.kind()).isEqualTo(EXPECTED.get(error));
                }
            }));
        }
        return out;
    }

    static List<VectorCase> encodingCases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(ENCODING);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            out.add(new VectorCase(i, v.get("name").asText(), () -> {
                long value = Long.parseUnsignedLong(v.get("value_str").asText());
                assertThat(BigSize.encode(value).hex()).isEqualTo(v.get("bytes").asText());
            }));
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> bigSizeDecoding() {
        return Bolt01Vectors.tests(decodingCases());
    }

    @TestFactory
    Stream<DynamicTest> bigSizeEncoding() {
        return Bolt01Vectors.tests(encodingCases());
    }
}
