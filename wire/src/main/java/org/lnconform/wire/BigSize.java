package org.lnconform.wire;

/**
 * BigSize, BOLT 1's variable-length unsigned integer (Bitcoin's CompactSize, big-endian).
 * Values are unsigned 64-bit held in a {@code long}; compare them with
 * {@link Long#compareUnsigned}.
 */
public final class BigSize {

    private BigSize() {
    }

    /** Encoded size of {@code value} (1, 3, 5 or 9), by the piecewise rule of BOLT 1 Appendix A. */
    public static int encodedLength(long value) {
        if (Long.compareUnsigned(value, 0xfdL) < 0) {
            return 1;
        }
        if (Long.compareUnsigned(value, 0x1_0000L) < 0) {
            return 3;
        }
        if (Long.compareUnsigned(value, 0x1_0000_0000L) < 0) {
            return 5;
        }
        return 9;
    }

    /** Reads one BigSize and rejects a non-minimal encoding (BOLT 1 Appendix A). */
    public static long read(WireReader in, String field) throws WireException {
        int start = in.position();
        int prefix = in.u8(field);
        long value;
        long min;
        switch (prefix) {
            case 0xfd -> {
                value = in.u16(field);
                min = 0xfdL;
            }
            case 0xfe -> {
                value = in.u32(field);
                min = 0x1_0000L;
            }
            case 0xff -> {
                value = in.u64(field);
                min = 0x1_0000_0000L;
            }
            default -> {
                return prefix;
            }
        }
        if (Long.compareUnsigned(value, min) < 0) {
            throw new WireException(DecodeError.BIGSIZE_NOT_MINIMAL, start, field,
                    "value " + Long.toUnsignedString(value) + " uses prefix 0x" + Integer.toHexString(prefix)
                            + " (" + (in.position() - start) + " bytes) but fits in " + encodedLength(value));
        }
        return value;
    }

    /** Writes the minimal encoding of {@code value}. */
    public static void write(WireWriter out, long value) {
        write(out, value, encodedLength(value));
    }

    /**
     * Writes {@code value} in a chosen width (1, 3, 5 or 9 bytes), minimal or not, so tests
     * can craft non-canonical encodings. Fails if the value does not fit the width.
     */
    public static void write(WireWriter out, long value, int width) {
        if (width < encodedLength(value)) {
            throw new IllegalArgumentException(Long.toUnsignedString(value) + " does not fit in " + width + " bytes");
        }
        switch (width) {
            case 1 -> out.u8((int) value);
            case 3 -> out.u8(0xfd).u16((int) value);
            case 5 -> out.u8(0xfe).u32(value);
            case 9 -> out.u8(0xff).u64(value);
            default -> throw new IllegalArgumentException("BigSize width is 1, 3, 5 or 9, not " + width);
        }
    }

    /** The minimal encoding of {@code value}. */
    public static Bytes encode(long value) {
        WireWriter out = new WireWriter();
        write(out, value);
        return out.toBytes();
    }

    /** Decodes {@code bytes} as exactly one BigSize; leftover bytes are {@link DecodeError#TRAILING_BYTES}. */
    public static long decode(Bytes bytes) throws WireException {
        WireReader in = new WireReader(bytes);
        long value = read(in, "bigsize");
        in.requireEnd("bigsize");
        return value;
    }
}
