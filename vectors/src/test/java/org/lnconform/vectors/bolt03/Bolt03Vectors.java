package org.lnconform.vectors.bolt03;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import fr.acinq.secp256k1.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Loads the BOLT 3 vector files (Appendices B-F) and reads their hex fields. */
final class Bolt03Vectors {

    static final String DIR = "/org/lnconform/vectors/";
    static final String FUNDING = "bolt03-funding.json";
    static final String COMMITMENT = "bolt03-commitment.json";
    static final String ANCHORS = "bolt03-commitment-anchors.json";
    static final String SECRETS = "bolt03-per-commitment-secrets.json";
    static final String KEYS = "bolt03-key-derivation.json";

    private Bolt03Vectors() {
    }

    static JsonNode data(String file) {
        try (InputStream in = Bolt03Vectors.class.getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing vector file " + DIR + file);
            }
            return new ObjectMapper().readTree(in).get("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null) {
            throw new IllegalStateException("no field " + field);
        }
        return Hex.decode(v.asText());
    }

    static PublicKey pub(JsonNode node, String field) {
        return new PublicKey(bytes(node, field));
    }

    static PrivateKey priv(JsonNode node, String field) {
        return new PrivateKey(bytes(node, field));
    }

    static String hex(byte[] b) {
        return Hex.encode(b);
    }
}
