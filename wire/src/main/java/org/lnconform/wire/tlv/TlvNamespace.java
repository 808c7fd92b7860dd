package org.lnconform.wire.tlv;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A named set of known TLV types, such as {@code init_tlvs}. A stream is decoded against one
 * namespace: its types are "known" (BOLT 1, B1-TLV-12), everything else is unknown.
 */
public final class TlvNamespace {

    private final String name;
    private final Map<Long, TlvField<?>> fields;

    private TlvNamespace(String name, Map<Long, TlvField<?>> fields) {
        this.name = name;
        this.fields = fields;
    }

    public static TlvNamespace of(String name, TlvField<?>... fields) {
        return of(name, List.of(fields));
    }

    /** Fails if two fields share a type. */
    public static TlvNamespace of(String name, Collection<? extends TlvField<?>> fields) {
        Objects.requireNonNull(name, "name");
        Map<Long, TlvField<?>> byType = new TreeMap<>(Long::compareUnsigned);
        for (TlvField<?> f : fields) {
            TlvField<?> previous = byType.put(f.type(), f);
            if (previous != null) {
                throw new IllegalArgumentException(name + ": " + previous + " and " + f + " share a type");
            }
        }
        return new TlvNamespace(name, Collections.unmodifiableMap(byType));
    }

    /** A namespace with no known types, e.g. for a message whose extension defines none yet. */
    public static TlvNamespace empty(String name) {
        return of(name, List.of());
    }

    public String name() {
        return name;
    }

    public Optional<TlvField<?>> field(long type) {
        return Optional.ofNullable(fields.get(type));
    }

    public boolean isKnown(long type) {
        return fields.containsKey(type);
    }

    /** Known fields by increasing type. */
    public Collection<TlvField<?>> fields() {
        return fields.values();
    }

    @Override
    public String toString() {
        return "TlvNamespace[" + name + " " + fields.values() + "]";
    }
}
