package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;

/** The spec's vector data files (module lnconform-vectors), read from the classpath. */
final class Vectors {

    private Vectors() {
    }

    /** The {@code data} node of {@code file}, e.g. {@code bolt01-bigsize-decoding.json}. */
    static JsonNode data(String file) {
        String path = "/org/lnconform/vectors/" + file;
        try (InputStream in = Vectors.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + path);
            }
            return new ObjectMapper().readTree(in).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The elements of an array node. */
    static List<JsonNode> items(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    static byte[] hex(JsonNode node) {
        return Bytes.fromHex(node.asText()).toByteArray();
    }

    /** Names of the Appendix B namespaces a TLV vector applies to. */
    static List<String> appliesTo(JsonNode vector) {
        List<String> out = new ArrayList<>();
        vector.get("applies_to").forEach(n -> out.add(n.asText()));
        return out;
    }
}
