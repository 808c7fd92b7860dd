package org.lnconform.vectors.bolt01;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.vectors.bolt01.Bolt01Vectors.VectorCase;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;

/** BOLT 1 Appendix C: init messages with valid and invalid extensions. */
class MessageExtensionVectorTest {

    static final String FILE = "bolt01-message-extension.json";

    /** The typed failure for each invalid example, keyed by the spec's explanation. */
    private static final Map<String, DecodeError> EXPECTED = Map.of(
            "the extension is present but truncated", DecodeError.SHORT_READ,
            "the extension contains unknown _even_ TLV records (assuming that TLV type `0xca` is unknown)",
            DecodeError.TLV_UNKNOWN_EVEN,
            "the extension TLV stream is invalid (duplicate TLV record type `0xc9`)", DecodeError.TLV_DUPLICATE);

    static List<VectorCase> cases() {
        List<VectorCase> out = new ArrayList<>();
        List<JsonNode> items = Bolt01Vectors.items(FILE);
        for (int i = 0; i < items.size(); i++) {
            JsonNode v = items.get(i);
            String explanation = v.get("explanation").asText();
            Bytes message = Bytes.fromHex(v.get("hex").asText());
            boolean valid = v.get("valid").asBoolean();
            out.add(new VectorCase(i, explanation, () -> {
                if (valid) {
                    LightningMessage m = LightningMessageCodec.decode(message);
                    assertThat(m).isInstanceOf(Init.class);
                    assertThat(((Init) m).tlvs().records()).allMatch(r -> !r.isEven());
                    assertThat(LightningMessageCodec.encodeToBytes(m)).isEqualTo(message);
                } else {
                    assertThat(EXPECTED).as("an expected kind for '%s'", explanation).containsKey(explanation);
                    WireException e = catchThrowableOfType(WireException.class, () -> LightningMessageCodec.decode(message));
                    assertThat(e).as("decoding %s should fail", message).isNotNull();
                    assertThat(e.kind()).as(e.getMessage()).isEqualTo(EXPECTED.get(explanation));
                }
            }));
        }
        return out;
    }

    @Test
    void baseInitIsEmpty() throws WireException {
        Init base = (Init) LightningMessageCodec.decode(
                Bytes.fromHex(Bolt01Vectors.data(FILE).get("base_init_hex").asText()));
        assertThat(base.combinedFeatures().isEmpty()).isTrue();
        assertThat(base.tlvs().isEmpty()).isTrue();
    }

    @TestFactory
    Stream<DynamicTest> messageExtension() {
        return Bolt01Vectors.tests(cases());
    }
}
