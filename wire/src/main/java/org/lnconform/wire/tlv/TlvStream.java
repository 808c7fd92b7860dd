package org.lnconform.wire.tlv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/**
 * An immutable {@code tlv_stream}: records in strictly increasing type order, known and
 * unknown alike (unknown odd records are kept so the bytes can be re-encoded and signed).
 * Encoding is canonical by construction.
 */
public final class TlvStream {

    private static final TlvStream EMPTY = new TlvStream(List.of());
    private static final Comparator<TlvRecord> BY_TYPE = (a, b) -> Long.compareUnsigned(a.type(), b.type());

    private final List<TlvRecord> records;

    private TlvStream(List<TlvRecord> records) {
        this.records = records;
    }

    public static TlvStream empty() {
        return EMPTY;
    }

    public static TlvStream of(TlvRecord... records) {
        return of(Arrays.asList(records));
    }

    /** Sorts by type; two records with one type are a programming error. */
    public static TlvStream of(Collection<TlvRecord> records) {
        List<TlvRecord> sorted = new ArrayList<>(records);
        sorted.sort(BY_TYPE);
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i).type() == sorted.get(i - 1).type()) {
                throw new IllegalArgumentException("two records of type " + Long.toUnsignedString(sorted.get(i).type()));
            }
        }
        return sorted.isEmpty() ? EMPTY : new TlvStream(List.copyOf(sorted));
    }

    /** Decodes every remaining byte of {@code in} as a stream in {@code namespace}. */
    public static TlvStream decode(WireReader in, TlvNamespace namespace) throws WireException {
        return of(TlvStreamDecoder.decode(in, namespace));
    }

    public static TlvStream decode(Bytes stream, TlvNamespace namespace) throws WireException {
        return decode(new WireReader(stream), namespace);
    }

    /** Records by increasing type. */
    public List<TlvRecord> records() {
        return records;
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    public int size() {
        return records.size();
    }

    public Optional<TlvRecord> record(long type) {
        return records.stream().filter(r -> r.type() == type).findFirst();
    }

    public Optional<Bytes> value(long type) {
        return record(type).map(TlvRecord::value);
    }

    /**
     * The typed value of {@code field}, if present. A stream from {@link #decode} was validated
     * already; a hand-built one may hold a bad value, hence the checked exception.
     */
    public <T> Optional<T> get(TlvField<T> field) throws WireException {
        Optional<Bytes> raw = value(field.type());
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        WireReader in = new WireReader(raw.get());
        return Optional.of(TlvStreamDecoder.readValue(field, in, field.name()));
    }

    /** This stream with {@code record} added, replacing any record of the same type. */
    public TlvStream with(TlvRecord record) {
        List<TlvRecord> out = new ArrayList<>(records);
        out.removeIf(r -> r.type() == record.type());
        out.add(record);
        return of(out);
    }

    public <T> TlvStream with(TlvField<T> field, T value) {
        return with(TlvRecord.of(field, value));
    }

    public TlvStream without(long type) {
        List<TlvRecord> out = new ArrayList<>(records);
        out.removeIf(r -> r.type() == type);
        return of(out);
    }

    /** Records whose type {@code namespace} does not know. */
    public List<TlvRecord> unknown(TlvNamespace namespace) {
        return records.stream().filter(r -> !namespace.isKnown(r.type())).toList();
    }

    public void encode(WireWriter out) {
        records.forEach(r -> r.encode(out));
    }

    public Bytes encode() {
        WireWriter out = new WireWriter();
        encode(out);
        return out.toBytes();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TlvStream other && records.equals(other.records);
    }

    @Override
    public int hashCode() {
        return records.hashCode();
    }

    @Override
    public String toString() {
        return "TlvStream" + records;
    }
}
