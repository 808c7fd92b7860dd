package org.lnconform.wire;

/**
 * A cursor over bytes that reads BOLT 1 fundamental types. Every read names its field and
 * fails with a {@link WireException}, never an unchecked exception, and checks that enough
 * bytes remain before allocating anything. Offsets count from the start of the input.
 */
public final class WireReader {

    private final byte[] buf;
    private final int limit;
    private int pos;

    /** Reads a copy of {@code data}. */
    public WireReader(byte[] data) {
        this(data.clone(), 0, data.length);
    }

    public WireReader(Bytes data) {
        this(data.internal(), 0, data.size());
    }

    private WireReader(byte[] buf, int pos, int limit) {
        this.buf = buf;
        this.pos = pos;
        this.limit = limit;
    }

    /** Offset of the next byte to read. */
    public int position() {
        return pos;
    }

    public int remaining() {
        return limit - pos;
    }

    public boolean hasRemaining() {
        return pos < limit;
    }

    private int need(int n, String field) throws WireException {
        if (n > remaining()) {
            throw new WireException(DecodeError.SHORT_READ, pos, field,
                    "needs " + n + " byte" + (n == 1 ? "" : "s") + ", " + remaining() + " remain");
        }
        int at = pos;
        pos += n;
        return at;
    }

    private long bigEndian(int at, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v = v << 8 | (buf[at + i] & 0xff);
        }
        return v;
    }

    public int u8(String field) throws WireException {
        return buf[need(1, field)] & 0xff;
    }

    public int u16(String field) throws WireException {
        return (int) bigEndian(need(2, field), 2);
    }

    public long u32(String field) throws WireException {
        return bigEndian(need(4, field), 4);
    }

    /** An unsigned 64-bit value in a {@code long}. */
    public long u64(String field) throws WireException {
        return bigEndian(need(8, field), 8);
    }

    // BOLT 1, Fundamental Types and Appendix D: signed integers are big-endian two's complement.

    public byte s8(String field) throws WireException {
        return (byte) u8(field);
    }

    public short s16(String field) throws WireException {
        return (short) u16(field);
    }

    public int s32(String field) throws WireException {
        return (int) u32(field);
    }

    public long s64(String field) throws WireException {
        return u64(field);
    }

    // BOLT 1, Fundamental Types: a truncated integer is the last value of a TLV record, so it
    // spans every remaining byte; it may not have a leading zero byte (B1-TYPE-01).

    public int tu16(String field) throws WireException {
        return (int) truncated(2, field);
    }

    public long tu32(String field) throws WireException {
        return truncated(4, field);
    }

    public long tu64(String field) throws WireException {
        return truncated(8, field);
    }

    private long truncated(int max, String field) throws WireException {
        int n = remaining();
        if (n > max) {
            throw new WireException(DecodeError.TLV_BAD_VALUE_LENGTH, pos, field,
                    n + " bytes is longer than the " + max + " a tu" + max * 8 + " can hold");
        }
        if (n > 0 && buf[pos] == 0) {
            throw new WireException(DecodeError.TLV_NOT_MINIMAL_VALUE, pos, field,
                    "tu" + max * 8 + " of " + n + " bytes has a leading zero byte");
        }
        return bigEndian(need(n, field), n);
    }

    public long bigSize(String field) throws WireException {
        return BigSize.read(this, field);
    }

    /** The next {@code n} bytes; {@code n} comes from the input, so it is checked before copying. */
    public Bytes bytes(int n, String field) throws WireException {
        if (n < 0) {
            throw new WireException(DecodeError.BAD_FIELD_VALUE, pos, field, "negative length " + n);
        }
        return Bytes.of(buf, need(n, field), n);
    }

    /** Every remaining byte. */
    public Bytes remainingBytes(String field) throws WireException {
        return bytes(remaining(), field);
    }

    /** A 33-byte compressed secp256k1 point, checked to lie on the curve. */
    public Bytes point(String field) throws WireException {
        int at = pos;
        Bytes point = bytes(Secp256k1Points.COMPRESSED_SIZE, field);
        String why = Secp256k1Points.whyInvalid(point);
        if (why != null) {
            throw new WireException(DecodeError.INVALID_POINT, at, field, why);
        }
        return point;
    }

    public Bytes chainHash(String field) throws WireException {
        return bytes(32, field);
    }

    public Bytes channelId(String field) throws WireException {
        return bytes(32, field);
    }

    public ShortChannelId shortChannelId(String field) throws WireException {
        return ShortChannelId.fromLong(u64(field));
    }

    /**
     * A reader over the next {@code n} bytes alone, with offsets still counted from the start of
     * the whole input; this reader skips past them.
     */
    public WireReader limited(int n, String field) throws WireException {
        int at = need(n, field);
        return new WireReader(buf, at, at + n);
    }

    /** An independent cursor at the same position over the same bytes. */
    public WireReader duplicate() {
        return new WireReader(buf, pos, limit);
    }

    /** Fails with {@link DecodeError#TRAILING_BYTES} unless every byte has been read. */
    public void requireEnd(String field) throws WireException {
        if (hasRemaining()) {
            throw new WireException(DecodeError.TRAILING_BYTES, pos, field,
                    remaining() + " unread byte" + (remaining() == 1 ? "" : "s") + " after the end");
        }
    }
}
