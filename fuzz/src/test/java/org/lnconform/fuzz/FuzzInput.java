package org.lnconform.fuzz;

import java.util.Arrays;

/**
 * Reads a fuzzer's bytes front to back as small integers and slices, returning zeros once the
 * input runs out. Unlike Jazzer's {@code FuzzedDataProvider} the layout is plain, so seed files
 * can be written by {@link SeedCorpus} from the spec's vectors.
 */
final class FuzzInput {

    private final byte[] data;
    private int pos;

    FuzzInput(byte[] data) {
        this.data = data;
    }

    int remaining() {
        return data.length - pos;
    }

    int u8() {
        return pos < data.length ? data[pos++] & 0xff : 0;
    }

    int u16() {
        return u8() << 8 | u8();
    }

    long u64() {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | u8();
        }
        return v;
    }

    /** Up to {@code n} bytes (fewer at the end of the input). */
    byte[] bytes(int n) {
        int take = Math.min(n, remaining());
        byte[] out = Arrays.copyOfRange(data, pos, pos + take);
        pos += take;
        return out;
    }
}
