package org.lnconform.wire.message;

/**
 * A decoded BOLT 1 message. Known types are records with their fields and extension TLV
 * stream; every other type arrives as {@link UnknownMessage} with its raw payload.
 */
public sealed interface LightningMessage
        permits Init, ErrorMessage, Warning, Ping, Pong, PeerStorage, PeerStorageRetrieval, UnknownMessage,
                QueryShortChannelIds, ReplyShortChannelIdsEnd, QueryChannelRange, ReplyChannelRange, GossipTimestampFilter {

    /** The 2-byte message type. */
    int type();
}
