package org.lnconform.kmp;

import java.util.ArrayList;
import java.util.List;

/**
 * A deliberately lax look at the TLV records of a message's extension, independent of both
 * decoders, for classifying disagreements: (type, length) pairs as BigSize values (unsigned,
 * non-minimal encodings accepted), until the bytes run out or stop making sense.
 */
final class TlvScan {

    /** One record's header: where it starts, its type and announced length (both unsigned). */
    record Header(int offset, long type, long length) {}

    private TlvScan() {}

    /** The init TLV headers of {@code message}, or an empty list if it is not a long-enough init. */
    static List<Header> initTlvs(byte[] message) {
        List<Header> out = new ArrayList<>();
        if (message.length < 4 || u16(message, 0) != 16) {
            return out;
        }
        int pos = 2;
        for (int field = 0; field < 2; field++) {
            if (pos + 2 > message.length) {
                return out;
            }
            pos += 2 + u16(message, pos);
        }
        while (pos < message.length) {
            int start = pos;
            long[] type = bigSize(message, pos);
            if (type == null) {
                return out;
            }
            pos = (int) type[1];
            long[] length = bigSize(message, pos);
            if (length == null) {
                return out;
            }
            pos = (int) length[1];
            out.add(new Header(start, type[0], length[0]));
            if (Long.compareUnsigned(length[0], message.length - pos) > 0) {
                return out;
            }
            pos += (int) length[0];
        }
        return out;
    }

    /**
     * The extension TLV headers of {@code message}: init's stream, or the stream after the fixed
     * fields of a BOLT 2 message both decoders read (funding_created 130 bytes of fields,
     * funding_signed 96, channel_ready 65, shutdown 34 + its script, closing_signed 104,
     * channel_reestablish 113). Empty for other types or too-short input.
     */
    static List<Header> extensionTlvs(byte[] message) {
        if (message.length < 2) {
            return new ArrayList<>();
        }
        int type = u16(message, 0);
        if (type == 16) {
            return initTlvs(message);
        }
        int fields = switch (type) {
            case 34 -> 130;
            case 35 -> 96;
            case 36 -> 65;
            case 38 -> message.length >= 36 ? 34 + u16(message, 34) : Integer.MAX_VALUE;
            case 39 -> 104;
            case 136 -> 113;
            default -> Integer.MAX_VALUE;
        };
        return fields > message.length - 2 ? new ArrayList<>() : scan(message, 2 + fields);
    }

    private static List<Header> scan(byte[] message, int from) {
        List<Header> out = new ArrayList<>();
        int pos = from;
        while (pos < message.length) {
            int start = pos;
            long[] type = bigSize(message, pos);
            if (type == null) {
                return out;
            }
            pos = (int) type[1];
            long[] length = bigSize(message, pos);
            if (length == null) {
                return out;
            }
            pos = (int) length[1];
            out.add(new Header(start, type[0], length[0]));
            if (Long.compareUnsigned(length[0], message.length - pos) > 0) {
                return out;
            }
            pos += (int) length[0];
        }
        return out;
    }

    /** The BigSize at {@code offset}: {value, offset after it}, or null if truncated. */
    static long[] bigSize(byte[] b, int offset) {
        if (offset >= b.length) {
            return null;
        }
        int first = b[offset] & 0xff;
        int width = first < 0xfd ? 0 : first == 0xfd ? 2 : first == 0xfe ? 4 : 8;
        if (offset + 1 + width > b.length) {
            return null;
        }
        if (width == 0) {
            return new long[] {first, offset + 1};
        }
        long v = 0;
        for (int i = 0; i < width; i++) {
            v = (v << 8) | (b[offset + 1 + i] & 0xff);
        }
        return new long[] {v, offset + 1 + width};
    }

    static int u16(byte[] b, int offset) {
        return ((b[offset] & 0xff) << 8) | (b[offset + 1] & 0xff);
    }
}
