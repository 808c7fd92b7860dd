package org.lnconform.wire.message;

/**
 * A decoded message. The types {@link MessageRegistry} registers are records with their fields
 * and extension TLV stream; every other type arrives as {@link UnknownMessage} with its raw payload.
 */
public sealed interface LightningMessage
        permits Init, ErrorMessage, Warning, Ping, Pong, PeerStorage, PeerStorageRetrieval,
        OpenChannel, AcceptChannel, FundingCreated, FundingSigned, ChannelReady, Shutdown, ClosingSigned,
        ChannelReestablish,
        QueryShortChannelIds, ReplyShortChannelIdsEnd, QueryChannelRange, ReplyChannelRange, GossipTimestampFilter,
        UnknownMessage {

    /** The 2-byte message type. */
    int type();
}
