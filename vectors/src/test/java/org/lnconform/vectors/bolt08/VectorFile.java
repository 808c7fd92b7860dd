package org.lnconform.vectors.bolt08;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads one of the spec's vector data files from the classpath. */
final class VectorFile {

    private VectorFile() {}

    static JsonNode data(String file) {
        String path = "/org/lnconform/vectors/" + file;
        try (InputStream in = VectorFile.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + path);
            }
            return new ObjectMapper().readTree(in).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
