package org.lnconform.fuzz;

import java.util.SplittableRandom;

/**
 * What one run of {@link TransportFuzzTest} does, read from the fuzzer's bytes in this order:
 * <pre>
 * flags u8        bit 0: responder sends (else initiator); bit 1: corrupt one byte; bit 2: offer an oversized message
 * extra u16       messages beyond {@link #MIN_MESSAGES} (mod 401)
 * seed u64        PRNG for message contents, output offsets and where the stream is cut
 * maxPiece u16    the reader gets pieces of 1..maxPiece+1 bytes
 * zeroAt u16      index of a forced empty message;  maxAt u16: index of a forced 65535-byte one
 * corruptAt u16   frame to corrupt; corruptOffset u16: byte within it; corruptMask u8 (0 means 1)
 * oversize u16    the refused message is 65536 + oversize bytes;  oversizeAt u16: before which message
 * sizes u16...    message sizes while the input lasts, then small PRNG sizes
 * </pre>
 */
record TransportPlan(boolean reverse, boolean corrupt, boolean oversize, int messages, long seed, int maxPiece,
        int zeroAt, int maxAt, int corruptAt, int corruptOffset, int corruptMask, int oversizeLength, int oversizeAt,
        int[] sizes) {

    /** BOLT 8 rotates a key after 1000 nonces and a message takes two: 1100 messages cross two rotations. */
    static final int MIN_MESSAGES = 1100;
    static final int MAX_EXTRA = 400;
    /** Largest message BOLT 8 can carry. */
    static final int MAX_SIZE = 65535;
    /** Plaintext per run beyond which fuzzer-chosen sizes are cut to 10 bits, to keep runs fast. */
    static final long PLAINTEXT_BUDGET = 2L << 20;

    static TransportPlan read(byte[] data) {
        FuzzInput in = new FuzzInput(data);
        int flags = in.u8();
        int n = MIN_MESSAGES + in.u16() % (MAX_EXTRA + 1);
        long seed = in.u64();
        int maxPiece = in.u16() + 1;
        int zeroAt = in.u16() % n;
        int maxAt = in.u16() % n;
        int corruptAt = in.u16() % n;
        int corruptOffset = in.u16();
        int mask = in.u8();
        int oversizeLength = MAX_SIZE + 1 + in.u16();
        int oversizeAt = in.u16() % n;
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] sizes = new int[n];
        long total = 0;
        for (int i = 0; i < n; i++) {
            int size = in.remaining() >= 2 ? in.u16() : rnd.nextInt(64);
            if (total > PLAINTEXT_BUDGET) {
                size &= 0x3ff;
            }
            size = i == zeroAt ? 0 : i == maxAt ? MAX_SIZE : size;
            sizes[i] = size;
            total += size;
        }
        return new TransportPlan((flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0, n, seed, maxPiece,
                zeroAt, maxAt, corruptAt, corruptOffset, mask == 0 ? 1 : mask, oversizeLength, oversizeAt, sizes);
    }
}
