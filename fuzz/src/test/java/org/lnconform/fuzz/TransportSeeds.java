package org.lnconform.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Map;
import org.lnconform.wire.WireWriter;

/**
 * Seeds for {@link TransportFuzzTest}, in {@link TransportPlan}'s layout. They follow BOLT 8's
 * message encryption test: its 5-byte "hello" messages, the rotation points it shows (before
 * messages 500 and 1000), and the frame boundaries around the 18-byte header and 16-byte tag.
 */
final class TransportSeeds {

    private static final int FLAG_REVERSE = 1;
    private static final int FLAG_CORRUPT = 2;
    private static final int FLAG_OVERSIZE = 4;

    private TransportSeeds() {
    }

    static Map<String, byte[]> all() {
        JsonNode vector = Vectors.data("bolt08-message-encryption.json");
        int hello = Vectors.hex(vector.get("plaintext")).length;
        int[] rotations = vector.get("key_rotations").findValues("before_message_index").stream()
                .mapToInt(JsonNode::asInt).toArray();
        int n = TransportPlan.MIN_MESSAGES;
        int helloFrame = hello + 34;
        int[] hellos = repeat(hello, n);
        int[] boundaries = {0, 1, 15, 16, 17, 18, 19, 33, 34, 35, 1023, 1024, 65534, 65535};

        SeedCorpus.Seeds s = new SeedCorpus.Seeds();
        s.add("hello messages in pieces up to a frame", plan(0, 0, helloFrame - 1, 0, 0, 0, hellos));
        s.add("hello messages one byte at a time, responder sending", plan(FLAG_REVERSE, 7, 0, 0, 0, 0, hellos));
        s.add("boundary sizes in large pieces", plan(0, 11, 0xffff, 0, 0, 0, cycle(boundaries, 64)));
        s.add("boundary sizes in small pieces", plan(FLAG_REVERSE, 13, 40, 0, 0, 0, cycle(boundaries, 64)));
        for (int at : rotations) {
            s.add("corrupt header of first message after rotation " + at,
                    plan(FLAG_CORRUPT, 17, 100, at, 0, 0, hellos));
            s.add("corrupt body of first message after rotation " + at,
                    plan(FLAG_CORRUPT, 19, 100, at, 18, 0, hellos));
            s.add("corrupt tag of last message before rotation " + at,
                    plan(FLAG_CORRUPT | FLAG_REVERSE, 23, 3, at - 1, helloFrame - 1, 0, hellos));
        }
        s.add("oversize message of 65536 bytes first", plan(FLAG_OVERSIZE, 29, 1000, 0, 0, 0, hellos));
        s.add("oversize message of 131071 bytes at a rotation",
                planOversize(rotations[0], hellos));
        return s.toMap();
    }

    private static byte[] plan(int flags, long seed, int maxPiece, int corruptAt, int corruptOffset, int oversize,
            int[] sizes) {
        return layout(flags, seed, maxPiece, corruptAt, corruptOffset, oversize, 0, sizes);
    }

    private static byte[] planOversize(int at, int[] sizes) {
        return layout(FLAG_OVERSIZE, 31, 500, 0, 0, 0xffff, at, sizes);
    }

    private static byte[] layout(int flags, long seed, int maxPiece, int corruptAt, int corruptOffset, int oversize,
            int oversizeAt, int[] sizes) {
        int n = TransportPlan.MIN_MESSAGES;
        WireWriter w = new WireWriter()
                .u8(flags).u16(0).u64(seed).u16(maxPiece)
                .u16(n / 3).u16(2 * n / 3) // zeroAt, maxAt
                .u16(corruptAt).u16(corruptOffset).u8(0xff)
                .u16(oversize).u16(oversizeAt);
        for (int size : sizes) {
            w.u16(size);
        }
        return w.toByteArray();
    }

    private static int[] repeat(int value, int n) {
        int[] out = new int[n];
        Arrays.fill(out, value);
        return out;
    }

    private static int[] cycle(int[] values, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = values[i % values.length];
        }
        return out;
    }
}
