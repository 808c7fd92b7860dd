package org.lnconform.peer;

/** Why a connection ended: a typed value every caller can read from {@link Peer#closeFuture()}. */
public record DisconnectReason(Kind kind, String detail) {

    /** The kinds of ending. */
    public enum Kind {
        /** We closed it on request (an orderly close). */
        LOCAL_CLOSE,
        /** The peer closed the TCP connection. */
        REMOTE_CLOSED,
        /** A handshake act was rejected (the detail names the BOLT 8 error). */
        HANDSHAKE_FAILED,
        /** A handshake act did not arrive in time. */
        HANDSHAKE_TIMEOUT,
        /** The peer's init did not arrive in time. */
        INIT_TIMEOUT,
        /** The first message after the handshake was not init. */
        NON_INIT_FIRST,
        /** The peer requires a feature we do not know (unknown even bit). */
        UNKNOWN_REQUIRED_FEATURE,
        /** The peer's features lack a dependency. */
        MISSING_FEATURE_DEPENDENCY,
        /** init's networks shares no chain with ours. */
        NO_COMMON_NETWORK,
        /** An unknown even message type arrived. */
        UNKNOWN_EVEN_MESSAGE,
        /** A known message could not be decoded (too short, bad TLV stream, …). */
        MALFORMED_MESSAGE,
        /** A transport frame failed its MAC. */
        TRANSPORT_FAILED,
        /** Our keep-alive ping got no pong in time. */
        PONG_TIMEOUT,
        /** A write did not complete before the write deadline. */
        WRITE_TIMEOUT,
        /** Another connection with the same peer key replaced this one. */
        DUPLICATE_CONNECTION,
        /** The peer sent an error for all channels and we chose to disconnect. */
        RECEIVED_ERROR,
        /** A socket error. */
        IO_ERROR
    }

    public static DisconnectReason of(Kind kind, String detail) {
        return new DisconnectReason(kind, detail);
    }

    @Override
    public String toString() {
        return kind + (detail == null || detail.isEmpty() ? "" : ": " + detail);
    }
}
