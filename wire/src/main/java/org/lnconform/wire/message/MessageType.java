package org.lnconform.wire.message;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.lnconform.wire.Bytes;

/**
 * Every message type the suite speaks or names, decoded or not: its number, its spec name, the
 * BOLT that defines it and where it names a channel. Numbers and names follow the pinned spec's
 * {@code csv/} tables ({@code msgtype} rows of 01-messaging, 02-peer-protocol, 07-routing-gossip).
 * Which of them are decoded into records is {@link MessageRegistry}'s business.
 */
public enum MessageType {
    // BOLT 1 (01-messaging.md)
    WARNING(1, "warning", 1, Channel.ID),
    PEER_STORAGE(7, "peer_storage", 1, Channel.NONE),
    PEER_STORAGE_RETRIEVAL(9, "peer_storage_retrieval", 1, Channel.NONE),
    INIT(16, "init", 1, Channel.NONE),
    ERROR(17, "error", 1, Channel.ID),
    PING(18, "ping", 1, Channel.NONE),
    PONG(19, "pong", 1, Channel.NONE),
    // BOLT 2 (02-peer-protocol.md)
    STFU(2, "stfu", 2, Channel.ID),
    OPEN_CHANNEL(32, "open_channel", 2, Channel.AFTER_CHAIN_HASH),
    ACCEPT_CHANNEL(33, "accept_channel", 2, Channel.ID),
    FUNDING_CREATED(34, "funding_created", 2, Channel.ID),
    FUNDING_SIGNED(35, "funding_signed", 2, Channel.ID),
    CHANNEL_READY(36, "channel_ready", 2, Channel.ID),
    SHUTDOWN(38, "shutdown", 2, Channel.ID),
    CLOSING_SIGNED(39, "closing_signed", 2, Channel.ID),
    CLOSING_COMPLETE(40, "closing_complete", 2, Channel.ID),
    CLOSING_SIG(41, "closing_sig", 2, Channel.ID),
    OPEN_CHANNEL2(64, "open_channel2", 2, Channel.AFTER_CHAIN_HASH),
    ACCEPT_CHANNEL2(65, "accept_channel2", 2, Channel.ID),
    TX_ADD_INPUT(66, "tx_add_input", 2, Channel.ID),
    TX_ADD_OUTPUT(67, "tx_add_output", 2, Channel.ID),
    TX_REMOVE_INPUT(68, "tx_remove_input", 2, Channel.ID),
    TX_REMOVE_OUTPUT(69, "tx_remove_output", 2, Channel.ID),
    TX_COMPLETE(70, "tx_complete", 2, Channel.ID),
    TX_SIGNATURES(71, "tx_signatures", 2, Channel.ID),
    TX_INIT_RBF(72, "tx_init_rbf", 2, Channel.ID),
    TX_ACK_RBF(73, "tx_ack_rbf", 2, Channel.ID),
    TX_ABORT(74, "tx_abort", 2, Channel.ID),
    SPLICE_LOCKED(77, "splice_locked", 2, Channel.ID),
    SPLICE_INIT(80, "splice_init", 2, Channel.ID),
    SPLICE_ACK(81, "splice_ack", 2, Channel.ID),
    START_BATCH(127, "start_batch", 2, Channel.ID),
    UPDATE_ADD_HTLC(128, "update_add_htlc", 2, Channel.ID),
    UPDATE_FULFILL_HTLC(130, "update_fulfill_htlc", 2, Channel.ID),
    UPDATE_FAIL_HTLC(131, "update_fail_htlc", 2, Channel.ID),
    COMMITMENT_SIGNED(132, "commitment_signed", 2, Channel.ID),
    REVOKE_AND_ACK(133, "revoke_and_ack", 2, Channel.ID),
    UPDATE_FEE(134, "update_fee", 2, Channel.ID),
    UPDATE_FAIL_MALFORMED_HTLC(135, "update_fail_malformed_htlc", 2, Channel.ID),
    CHANNEL_REESTABLISH(136, "channel_reestablish", 2, Channel.ID),
    // BOLT 7 (07-routing-gossip.md)
    CHANNEL_ANNOUNCEMENT(256, "channel_announcement", 7, Channel.NONE),
    NODE_ANNOUNCEMENT(257, "node_announcement", 7, Channel.NONE),
    CHANNEL_UPDATE(258, "channel_update", 7, Channel.NONE),
    ANNOUNCEMENT_SIGNATURES(259, "announcement_signatures", 7, Channel.ID),
    QUERY_SHORT_CHANNEL_IDS(261, "query_short_channel_ids", 7, Channel.NONE),
    REPLY_SHORT_CHANNEL_IDS_END(262, "reply_short_channel_ids_end", 7, Channel.NONE),
    QUERY_CHANNEL_RANGE(263, "query_channel_range", 7, Channel.NONE),
    REPLY_CHANNEL_RANGE(264, "reply_channel_range", 7, Channel.NONE),
    GOSSIP_TIMESTAMP_FILTER(265, "gossip_timestamp_filter", 7, Channel.NONE);

    /** Where a message names a channel by its 32-byte (temporary) channel_id. */
    public enum Channel {
        /** It names none. */
        NONE(-1),
        /** Its first field is a {@code channel_id} (or, early in an open, a {@code temporary_channel_id}). */
        ID(0),
        /** {@code temporary_channel_id} follows a 32-byte {@code chain_hash} (the two opens). */
        AFTER_CHAIN_HASH(32);

        private final int offset;

        Channel(int offset) {
            this.offset = offset;
        }
    }

    private static final Map<Integer, MessageType> BY_NUMBER = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(MessageType::number, Function.identity()));

    private final int number;
    private final String specName;
    private final int bolt;
    private final Channel channel;

    MessageType(int number, String specName, int bolt, Channel channel) {
        this.number = number;
        this.specName = specName;
        this.bolt = bolt;
        this.channel = channel;
    }

    /** The type named by {@code number}, if any BOLT the suite covers assigns it. */
    public static Optional<MessageType> of(int number) {
        return Optional.ofNullable(BY_NUMBER.get(number));
    }

    /** The 2-byte type on the wire. */
    public int number() {
        return number;
    }

    /** The spec's name, e.g. {@code open_channel}. */
    public String specName() {
        return specName;
    }

    /** The BOLT that defines it: 1, 2 or 7. */
    public int bolt() {
        return bolt;
    }

    public boolean namesChannel() {
        return channel != Channel.NONE;
    }

    /** The (temporary) channel_id a payload of this type names; empty if it names none or is too short. */
    public Optional<Bytes> channelId(Bytes payload) {
        int at = channel.offset;
        return at < 0 || payload.size() < at + 32 ? Optional.empty() : Optional.of(payload.slice(at, at + 32));
    }
}
