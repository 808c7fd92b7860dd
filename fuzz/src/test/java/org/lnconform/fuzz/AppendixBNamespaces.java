package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;

/**
 * BOLT 1 Appendix B's test namespaces {@code n1} and {@code n2}, built from
 * {@code bolt01-tlv-namespaces.json}. Each record's value is read field by field only to
 * validate it (the stream keeps the raw bytes), so the reader returns nothing useful.
 */
final class AppendixBNamespaces {

    static final TlvNamespace N1 = load("n1");
    static final TlvNamespace N2 = load("n2");

    private AppendixBNamespaces() {
    }

    private static TlvNamespace load(String name) {
        List<TlvField<?>> fields = new ArrayList<>();
        for (JsonNode tlv : Vectors.data("bolt01-tlv-namespaces.json").get(name)) {
            List<JsonNode> parts = Vectors.items(tlv.get("fields"));
            fields.add(TlvField.<Boolean>of(tlv.get("type").asLong(), tlv.get("name").asText(),
                    r -> readAll(r, parts),
                    (w, ignored) -> {
                        throw new UnsupportedOperationException("the fuzz targets only decode " + name);
                    }));
        }
        return TlvNamespace.of(name, fields);
    }

    private static Boolean readAll(WireReader r, List<JsonNode> parts) throws WireException {
        for (JsonNode p : parts) {
            String field = p.get("name").asText();
            switch (p.get("type").asText()) {
                case "tu64" -> r.tu64(field);
                case "tu32" -> r.tu32(field);
                case "u64" -> r.u64(field);
                case "u16" -> r.u16(field);
                case "point" -> r.point(field);
                case "short_channel_id" -> r.shortChannelId(field);
                default -> throw new IllegalStateException("field type " + p + " is not handled");
            }
        }
        return Boolean.TRUE;
    }
}
