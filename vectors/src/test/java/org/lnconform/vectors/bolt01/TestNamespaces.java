package org.lnconform.vectors.bolt01;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.tlv.TlvField;
import org.lnconform.wire.tlv.TlvNamespace;

/**
 * The Appendix B test namespaces n1 and n2, built from {@code bolt01-tlv-namespaces.json}: each
 * TLV reads its listed fields in order into a name → value map.
 */
final class TestNamespaces {

    static final String FILE = "bolt01-tlv-namespaces.json";

    private TestNamespaces() {
    }

    static Map<String, TlvNamespace> load() {
        JsonNode data = Bolt01Vectors.data(FILE);
        Map<String, TlvNamespace> out = new LinkedHashMap<>();
        for (String ns : List.of("n1", "n2")) {
            List<TlvField<?>> fields = new ArrayList<>();
            for (JsonNode tlv : data.get(ns)) {
                List<String[]> parts = new ArrayList<>();
                tlv.get("fields").forEach(f -> parts.add(new String[] {f.get("name").asText(), f.get("type").asText()}));
                fields.add(field(tlv.get("type").asLong(), tlv.get("name").asText(), parts));
            }
            out.put(ns, TlvNamespace.of(ns, fields));
        }
        return out;
    }

    /** How many TLV types the file defines for {@code ns}. */
    static int definedTypes(String ns) {
        return Bolt01Vectors.data(FILE).get(ns).size();
    }

    private static TlvField<Map<String, Object>> field(long type, String name, List<String[]> parts) {
        return TlvField.of(type, name, r -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String[] p : parts) {
                values.put(p[0], read(r, p[0], p[1]));
            }
            return values;
        }, (w, values) -> parts.forEach(p -> write(w, p[1], values.get(p[0]))));
    }

    private static Object read(WireReader r, String name, String type) throws WireException {
        return switch (type) {
            case "tu64" -> r.tu64(name);
            case "tu32" -> r.tu32(name);
            case "u64" -> r.u64(name);
            case "u16" -> r.u16(name);
            case "point" -> r.point(name);
            case "short_channel_id" -> r.shortChannelId(name);
            default -> throw new IllegalStateException("field type " + type + " of " + name + " is not handled");
        };
    }

    private static void write(WireWriter w, String type, Object value) {
        switch (type) {
            case "tu64" -> w.tu64((Long) value);
            case "tu32" -> w.tu32((Long) value);
            case "u64" -> w.u64((Long) value);
            case "u16" -> w.u16((Integer) value);
            case "point" -> w.point((Bytes) value);
            case "short_channel_id" -> w.shortChannelId((ShortChannelId) value);
            default -> throw new IllegalStateException("field type " + type + " is not handled");
        }
    }
}
