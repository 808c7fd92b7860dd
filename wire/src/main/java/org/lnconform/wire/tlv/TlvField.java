package org.lnconform.wire.tlv;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * A known TLV type of a namespace: its number, spec name, and how its value is read and
 * written. Reading is also how a decoder validates the value (BOLT 1, B1-TLV-12..14).
 */
public interface TlvField<T> {

    long type();

    /** Spec name, e.g. {@code networks}. */
    String name();

    /**
     * Reads the value from a reader that holds exactly the record's value bytes. The stream
     * decoder reports a short read or unread bytes as {@code TLV_BAD_VALUE_LENGTH}.
     */
    T read(WireReader value) throws WireException;

    void write(WireWriter out, T value);

    /** How to read a value; may throw {@link WireException}. */
    @FunctionalInterface
    interface ValueReader<T> {
        T read(WireReader value) throws WireException;
    }

    /** A field from a reader and a writer. */
    static <T> TlvField<T> of(long type, String name, ValueReader<T> reader, BiConsumer<WireWriter, T> writer) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        return new TlvField<>() {
            @Override
            public long type() {
                return type;
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public T read(WireReader value) throws WireException {
                return reader.read(value);
            }

            @Override
            public void write(WireWriter out, T value) {
                writer.accept(out, value);
            }

            @Override
            public String toString() {
                return name + "(" + Long.toUnsignedString(type) + ")";
            }
        };
    }
}
