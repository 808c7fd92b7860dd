package org.lnconform.wire;

import java.util.Arrays;

/**
 * Appends BOLT 1 fundamental types. It checks only that each value fits its type; it does not
 * stop you writing a message that breaks the spec, so tests can craft bad input by hand
 * ({@link #raw}, {@link BigSize#write(WireWriter, long, int)}).
 */
public final class WireWriter {

    private byte[] buf = new byte[64];
    private int size;

    private void put(long value, int n) {
        ensure(n);
        for (int i = n - 1; i >= 0; i--) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void ensure(int n) {
        if (size + n > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + n));
        }
    }

    private static void check(boolean ok, String type, long value) {
        if (!ok) {
            throw new IllegalArgumentException(value + " does not fit a " + type);
        }
    }

    public WireWriter u8(int value) {
        check(value >= 0 && value <= 0xff, "u8", value);
        put(value, 1);
        return this;
    }

    public WireWriter u16(int value) {
        check(value >= 0 && value <= 0xffff, "u16", value);
        put(value, 2);
        return this;
    }

    public WireWriter u32(long value) {
        check(value >= 0 && value <= 0xffff_ffffL, "u32", value);
        put(value, 4);
        return this;
    }

    /** Writes {@code value} as unsigned 64-bit (any {@code long} bit pattern). */
    public WireWriter u64(long value) {
        put(value, 8);
        return this;
    }

    public WireWriter s8(int value) {
        check(value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE, "s8", value);
        put(value, 1);
        return this;
    }

    public WireWriter s16(int value) {
        check(value >= Short.MIN_VALUE && value <= Short.MAX_VALUE, "s16", value);
        put(value, 2);
        return this;
    }

    public WireWriter s32(int value) {
        put(value, 4);
        return this;
    }

    public WireWriter s64(long value) {
        put(value, 8);
        return this;
    }

    /** Minimal truncated integer: no leading zero bytes, so zero is written as no bytes at all. */
    public WireWriter tu16(int value) {
        check(value >= 0 && value <= 0xffff, "tu16", value);
        return truncated(value);
    }

    public WireWriter tu32(long value) {
        check(value >= 0 && value <= 0xffff_ffffL, "tu32", value);
        return truncated(value);
    }

    /** Writes {@code value} as unsigned 64-bit, minimally. */
    public WireWriter tu64(long value) {
        return truncated(value);
    }

    private WireWriter truncated(long value) {
        put(value, (64 - Long.numberOfLeadingZeros(value) + 7) / 8);
        return this;
    }

    /** Minimal BigSize. */
    public WireWriter bigSize(long value) {
        BigSize.write(this, value);
        return this;
    }

    public WireWriter bytes(Bytes value) {
        return raw(value.internal());
    }

    /** Appends {@code value} verbatim. */
    public WireWriter raw(byte[] value) {
        ensure(value.length);
        System.arraycopy(value, 0, buf, size, value.length);
        size += value.length;
        return this;
    }

    /** Any 33 bytes; validity on the curve is not checked, so bad points can be sent on purpose. */
    public WireWriter point(Bytes value) {
        return fixed(value, 33, "point");
    }

    public WireWriter chainHash(Bytes value) {
        return fixed(value, 32, "chain_hash");
    }

    public WireWriter channelId(Bytes value) {
        return fixed(value, 32, "channel_id");
    }

    public WireWriter shortChannelId(ShortChannelId value) {
        return u64(value.toLong());
    }

    private WireWriter fixed(Bytes value, int n, String type) {
        if (value.size() != n) {
            throw new IllegalArgumentException("a " + type + " is " + n + " bytes, not " + value.size());
        }
        return bytes(value);
    }

    /** Bytes written so far. */
    public int size() {
        return size;
    }

    public Bytes toBytes() {
        return Bytes.wrap(Arrays.copyOf(buf, size));
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }
}
