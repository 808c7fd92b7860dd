package org.lnconform.wire;

/** A {@code short_channel_id} (BOLT 7): block height, transaction index and output index in 8 bytes. */
public record ShortChannelId(int blockHeight, int txIndex, int outputIndex) {

    public ShortChannelId {
        if (blockHeight < 0 || blockHeight > 0xff_ffff || txIndex < 0 || txIndex > 0xff_ffff
                || outputIndex < 0 || outputIndex > 0xffff) {
            throw new IllegalArgumentException("short_channel_id parts are 3, 3 and 2 bytes: "
                    + blockHeight + "x" + txIndex + "x" + outputIndex);
        }
    }

    public static ShortChannelId fromLong(long value) {
        return new ShortChannelId((int) (value >>> 40), (int) (value >>> 16) & 0xff_ffff, (int) value & 0xffff);
    }

    public long toLong() {
        return (long) blockHeight << 40 | (long) txIndex << 16 | outputIndex;
    }

    /** The spec's {@code BLOCKxTXxOUTPUT} notation. */
    @Override
    public String toString() {
        return blockHeight + "x" + txIndex + "x" + outputIndex;
    }
}
