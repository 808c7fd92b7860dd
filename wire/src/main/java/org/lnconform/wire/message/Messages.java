package org.lnconform.wire.message;

import org.lnconform.wire.Bytes;

/** Checks shared by the message records. */
final class Messages {

    private Messages() {
    }

    /** A {@code len*byte} field must fit its u16 length prefix. */
    static void checkU16Length(String field, Bytes value) {
        if (value.size() > 0xffff) {
            throw new IllegalArgumentException(field + " is " + value.size() + " bytes; its u16 length allows 65535");
        }
    }

    static void checkU16(String field, int value) {
        if (value < 0 || value > 0xffff) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit a u16");
        }
    }

    static void checkU8(String field, int value) {
        if (value < 0 || value > 0xff) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit a byte");
        }
    }

    static void checkU32(String field, long value) {
        if (value < 0 || value > 0xffffffffL) {
            throw new IllegalArgumentException(field + " = " + value + " does not fit a u32");
        }
    }

    /** A fixed-size field (point 33, signature 64, sha256 and byte[32] 32); its content is not judged here. */
    static void checkSize(String field, Bytes value, int size) {
        java.util.Objects.requireNonNull(value, field);
        if (value.size() != size) {
            throw new IllegalArgumentException(field + " is " + size + " bytes, not " + value.size());
        }
    }

    static void checkChannelId(Bytes channelId) {
        if (channelId.size() != 32) {
            throw new IllegalArgumentException("channel_id is 32 bytes, not " + channelId.size());
        }
    }

    /**
     * {@code data} as text when it is all printable ASCII (bytes 32..126), else as hex, so
     * nothing a peer sent is printed verbatim (BOLT 1, error and warning receiver rules).
     */
    static String printable(Bytes data) {
        StringBuilder s = new StringBuilder(data.size());
        for (int i = 0; i < data.size(); i++) {
            int b = data.getUnsigned(i);
            if (b < 32 || b > 126) {
                return "hex:" + data.hex();
            }
            s.append((char) b);
        }
        return s.toString();
    }
}
