package org.lnconform.wire.gossip;

import java.util.Optional;

/**
 * The first byte of every {@code encoded_} array of BOLT 7 (07-routing-gossip.md, Query
 * Messages): {@code encoded_short_ids}, {@code encoded_query_flags}, {@code encoded_timestamps}.
 */
public enum EncodingType {

    /** 0: the array as is ({@code short_channel_id}s in ascending order). */
    UNCOMPRESSED(0),

    /** 1: zlib. Deprecated: BOLT 7 says a sender MUST NOT use it any more; kept so old bytes decode. */
    ZLIB(1);

    private final int code;

    EncodingType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** BOLT 7: encoding 1 (zlib) was used once and must no longer be sent. */
    public boolean deprecated() {
        return this == ZLIB;
    }

    /** The encoding of a first byte, or empty if BOLT 7 defines none for it. */
    public static Optional<EncodingType> of(int code) {
        for (EncodingType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
