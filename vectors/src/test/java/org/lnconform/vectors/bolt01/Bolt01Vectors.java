package org.lnconform.vectors.bolt01;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

/** Loads the BOLT 1 vector files from the classpath and turns their items into dynamic tests. */
final class Bolt01Vectors {

    static final String DIR = "/org/lnconform/vectors/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bolt01Vectors() {
    }

    /** The {@code data} key of a vector file (the original {@code vectors.json} section). */
    static JsonNode data(String file) {
        try (InputStream in = Bolt01Vectors.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + DIR + file);
            }
            JsonNode data = JSON.readTree(in).get("data");
            if (data == null) {
                throw new IllegalStateException(file + " has no data key");
            }
            return data;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The vector items of a file: {@code data} itself when it is an array, else {@code data.vectors}. */
    static List<JsonNode> items(String file) {
        JsonNode data = data(file);
        JsonNode array = data.isArray() ? data : data.get("vectors");
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** One test made from one item of a file; several cases may share an item (one per namespace). */
    record VectorCase(int item, String name, Executable body) {
        DynamicTest toTest() {
            return DynamicTest.dynamicTest(name, body);
        }
    }

    static Stream<DynamicTest> tests(List<VectorCase> cases) {
        return cases.stream().map(VectorCase::toTest);
    }

    /** The spec's own text for a stream, shortened for a display name. */
    static String shortText(String asWritten) {
        return asWritten.length() <= 48 ? asWritten : asWritten.substring(0, 45) + "...";
    }
}
