package org.lnconform.wire.tlv;

import java.util.ArrayList;
import java.util.List;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.ShortChannelId;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.WireWriter;

/** Ready-made {@link TlvField}s for TLVs whose value is a single fundamental type. */
public final class TlvFields {

    private TlvFields() {
    }

    /** Any bytes ({@code ...*byte}); every length is valid. */
    public static TlvField<Bytes> bytes(long type, String name) {
        return TlvField.of(type, name, r -> r.remainingBytes(name), WireWriter::bytes);
    }

    public static TlvField<Integer> tu16(long type, String name) {
        return TlvField.of(type, name, r -> r.tu16(name), WireWriter::tu16);
    }

    public static TlvField<Long> tu32(long type, String name) {
        return TlvField.of(type, name, r -> r.tu32(name), WireWriter::tu32);
    }

    public static TlvField<Long> tu64(long type, String name) {
        return TlvField.of(type, name, r -> r.tu64(name), WireWriter::tu64);
    }

    public static TlvField<Integer> u16(long type, String name) {
        return TlvField.of(type, name, r -> r.u16(name), WireWriter::u16);
    }

    public static TlvField<Long> u32(long type, String name) {
        return TlvField.of(type, name, r -> r.u32(name), WireWriter::u32);
    }

    public static TlvField<Long> u64(long type, String name) {
        return TlvField.of(type, name, r -> r.u64(name), WireWriter::u64);
    }

    public static TlvField<Bytes> point(long type, String name) {
        return TlvField.of(type, name, r -> r.point(name), WireWriter::point);
    }

    public static TlvField<ShortChannelId> shortChannelId(long type, String name) {
        return TlvField.of(type, name, r -> r.shortChannelId(name), WireWriter::shortChannelId);
    }

    /** {@code ...*chain_hash}: zero or more 32-byte hashes; any other multiple is a bad length. */
    public static TlvField<List<Bytes>> chainHashes(long type, String name) {
        return TlvField.of(type, name, r -> readChainHashes(r, name), (w, hashes) -> hashes.forEach(w::chainHash));
    }

    private static List<Bytes> readChainHashes(WireReader r, String name) throws WireException {
        if (r.remaining() % 32 != 0) {
            throw new WireException(DecodeError.TLV_BAD_VALUE_LENGTH, r.position(), name,
                    r.remaining() + " bytes is not a whole number of 32-byte chain_hash values");
        }
        List<Bytes> out = new ArrayList<>(r.remaining() / 32);
        while (r.hasRemaining()) {
            out.add(r.chainHash(name));
        }
        return List.copyOf(out);
    }
}
