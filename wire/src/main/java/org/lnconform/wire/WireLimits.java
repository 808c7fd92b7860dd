package org.lnconform.wire;

/** Numeric limits BOLT 1 sets on messages and ping/pong. */
public final class WireLimits {

    /** BOLT 1, Lightning Message Format: a whole message, type included, fits a u16 length. */
    public static final int MAX_MESSAGE_SIZE = 65535;

    /** The 2-byte message type prefix. */
    public static final int TYPE_SIZE = 2;

    /** BOLT 1, ping/pong rationale: 65535 minus the type and the byteslen field. */
    public static final int MAX_PONG_BYTESLEN = 65531;

    /** BOLT 1, ping requirements (B1-PING-08): from this value up, a ping gets no pong. */
    public static final int PING_NO_PONG_THRESHOLD = 65532;

    /** BOLT 1, peer storage: a blob is at most this long. */
    public static final int MAX_PEER_STORAGE_BLOB = 65531;

    /** BOLT 1, Type-Length-Value Format: TLV types from here up are custom records. */
    public static final long FIRST_CUSTOM_TLV_TYPE = 65536;

    /** BOLT 1, Lightning Message Format: message types from here up are custom. */
    public static final int FIRST_CUSTOM_MESSAGE_TYPE = 32768;

    private WireLimits() {
    }
}
