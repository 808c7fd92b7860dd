package org.lnconform.wire;

import java.util.Arrays;
import java.util.Objects;

/** An immutable byte string with value equality, used for every byte field on the wire. */
public final class Bytes {

    private static final Bytes EMPTY = new Bytes(new byte[0]);
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final byte[] data;

    private Bytes(byte[] data) {
        this.data = data;
    }

    /** Copies {@code data}; later changes to the array do not affect the result. */
    public static Bytes of(byte... data) {
        Objects.requireNonNull(data, "data");
        return data.length == 0 ? EMPTY : new Bytes(data.clone());
    }

    /** Copies {@code length} bytes of {@code data} starting at {@code offset}. */
    public static Bytes of(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
    }

    public static Bytes empty() {
        return EMPTY;
    }

    /** {@code n} zero bytes, e.g. an all-zero {@code channel_id} or {@code ping.ignored}. */
    public static Bytes zeros(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative length " + n);
        }
        return n == 0 ? EMPTY : new Bytes(new byte[n]);
    }

    /**
     * Parses hex (either case). An optional {@code 0x} prefix and whitespace between digits
     * are accepted, so the spec's "0x0f fd0001 00" notation parses as written.
     */
    public static Bytes fromHex(String hex) {
        Objects.requireNonNull(hex, "hex");
        String s = hex.strip();
        if (s.startsWith("0x") || s.startsWith("0X")) {
            s = s.substring(2);
        }
        s = s.replaceAll("\\s+", "");
        if (s.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits: " + hex);
        }
        byte[] out = new byte[s.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(s.charAt(2 * i), 16);
            int lo = Character.digit(s.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("not hex at digit " + 2 * i + ": " + hex);
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out.length == 0 ? EMPTY : new Bytes(out);
    }

    /** Wraps without copying; only for arrays this package created and never hands out. */
    static Bytes wrap(byte[] owned) {
        return owned.length == 0 ? EMPTY : new Bytes(owned);
    }

    /** The array behind this value; package code must never mutate or leak it. */
    byte[] internal() {
        return data;
    }

    public int size() {
        return data.length;
    }

    public boolean isEmpty() {
        return data.length == 0;
    }

    public byte get(int index) {
        return data[index];
    }

    /** The byte at {@code index} as 0..255. */
    public int getUnsigned(int index) {
        return data[index] & 0xff;
    }

    /** A fresh copy of the bytes. */
    public byte[] toByteArray() {
        return data.clone();
    }

    public Bytes concat(Bytes other) {
        if (other.data.length == 0) {
            return this;
        }
        if (data.length == 0) {
            return other;
        }
        byte[] out = Arrays.copyOf(data, data.length + other.data.length);
        System.arraycopy(other.data, 0, out, data.length, other.data.length);
        return new Bytes(out);
    }

    /** Bytes {@code [from, to)}. */
    public Bytes slice(int from, int to) {
        Objects.checkFromToIndex(from, to, data.length);
        return of(data, from, to - from);
    }

    public boolean isAllZero() {
        for (byte b : data) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    /** Lowercase hex without prefix. */
    public String hex() {
        char[] out = new char[data.length * 2];
        for (int i = 0; i < data.length; i++) {
            out[2 * i] = HEX[(data[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[data[i] & 0xf];
        }
        return new String(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bytes other && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(data);
    }

    /** Lowercase hex of the whole value. */
    @Override
    public String toString() {
        return hex();
    }
}
