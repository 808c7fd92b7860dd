package org.lnconform.wire.feature;

import java.util.BitSet;
import java.util.List;
import org.lnconform.wire.Bytes;

/**
 * An immutable set of feature bits. On the wire (BOLT 1 and 9) bits count from the least
 * significant bit of the last byte: bit 0 is {@code 0x01} in the final byte, bit 8 is
 * {@code 0x01} in the byte before it.
 */
public final class FeatureVector {

    private static final FeatureVector EMPTY = new FeatureVector(new BitSet());

    private final BitSet bits;

    private FeatureVector(BitSet bits) {
        this.bits = bits;
    }

    public static FeatureVector empty() {
        return EMPTY;
    }

    public static FeatureVector of(int... bits) {
        BitSet b = new BitSet();
        for (int bit : bits) {
            b.set(checkBit(bit));
        }
        return new FeatureVector(b);
    }

    public static FeatureVector fromBytes(Bytes bytes) {
        int n = bytes.size();
        BitSet b = new BitSet();
        for (int i = 0; i < n; i++) {
            int v = bytes.getUnsigned(i);
            for (int k = 0; k < 8; k++) {
                if ((v >> k & 1) != 0) {
                    b.set((n - 1 - i) * 8 + k);
                }
            }
        }
        return new FeatureVector(b);
    }

    public static FeatureVector fromBytes(byte[] bytes) {
        return fromBytes(Bytes.of(bytes));
    }

    private static int checkBit(int bit) {
        if (bit < 0) {
            throw new IllegalArgumentException("negative feature bit " + bit);
        }
        return bit;
    }

    public boolean isSet(int bit) {
        return bit >= 0 && bits.get(bit);
    }

    public FeatureVector set(int bit) {
        BitSet b = (BitSet) bits.clone();
        b.set(checkBit(bit));
        return new FeatureVector(b);
    }

    public FeatureVector clear(int bit) {
        BitSet b = (BitSet) bits.clone();
        b.clear(checkBit(bit));
        return new FeatureVector(b);
    }

    public FeatureVector or(FeatureVector other) {
        BitSet b = (BitSet) bits.clone();
        b.or(other.bits);
        return new FeatureVector(b);
    }

    /** Set bits, ascending. */
    public List<Integer> bits() {
        return bits.stream().boxed().toList();
    }

    public boolean isEmpty() {
        return bits.isEmpty();
    }

    /** The highest set bit, or -1 when empty. */
    public int highestSetBit() {
        return bits.length() - 1;
    }

    /** The shortest encoding (BOLT 1 B1-INIT-06): no leading zero bytes; empty when no bit is set. */
    public Bytes toBytes() {
        return toBytes(minimalLength());
    }

    /** Bytes needed to hold the highest set bit. */
    public int minimalLength() {
        return (bits.length() + 7) / 8;
    }

    /** Encoding in exactly {@code length} bytes, zero-padded on the left. */
    public Bytes toBytes(int length) {
        if (length < minimalLength()) {
            throw new IllegalArgumentException("bit " + highestSetBit() + " needs " + minimalLength() + " bytes, not " + length);
        }
        byte[] out = new byte[length];
        for (int bit = bits.nextSetBit(0); bit >= 0; bit = bits.nextSetBit(bit + 1)) {
            out[length - 1 - bit / 8] |= (byte) (1 << (bit % 8));
        }
        return Bytes.of(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector other && bits.equals(other.bits);
    }

    @Override
    public int hashCode() {
        return bits.hashCode();
    }

    @Override
    public String toString() {
        return "FeatureVector" + bits();
    }
}
