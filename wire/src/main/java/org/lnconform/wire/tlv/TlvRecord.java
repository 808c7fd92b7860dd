package org.lnconform.wire.tlv;

import java.util.Objects;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;

/**
 * One {@code tlv_record}: a type (unsigned 64-bit, held in a {@code long}) and its raw value.
 * The value is kept as bytes even when the type is known, so re-encoding is exact.
 */
public record TlvRecord(long type, Bytes value) {

    public TlvRecord {
        Objects.requireNonNull(value, "value");
    }

    /** A record for a known field, with its value encoded by the field. */
    public static <T> TlvRecord of(TlvField<T> field, T value) {
        WireWriter out = new WireWriter();
        field.write(out, value);
        return new TlvRecord(field.type(), out.toBytes());
    }

    /** BOLT 1 "it's ok to be odd": even types must be understood by the reader. */
    public boolean isEven() {
        return (type & 1) == 0;
    }

    /** Writes type, length and value, each BigSize minimal. */
    public void encode(WireWriter out) {
        out.bigSize(type).bigSize(value.size()).bytes(value);
    }

    @Override
    public String toString() {
        return "TlvRecord[type=" + Long.toUnsignedString(type) + ", value=" + value + "]";
    }
}
