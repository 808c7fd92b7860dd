package org.lnconform.peer;

import java.util.Locale;

/**
 * Named ways for the reference node to break exactly one rule of BOLT 1, 7, 8 or 9. They exist so the
 * conformance suite can prove each of its cases is able to fail: run the case against a node with
 * the matching deviation and the verdict must be FAIL. Never enabled by default.
 */
public enum Deviation {
    // BOLT 8 handshake, responder side
    ACT1_IGNORE_VERSION("accept Act One whatever its version byte (B8-ACT1-02)"),
    ACT1_KEEP_OPEN_ON_BAD_KEY("stay connected, silent, after an Act One with an invalid ephemeral key (B8-ACT1-04)"),
    ACT1_KEEP_OPEN_ON_BAD_TAG("stay connected, silent, after an Act One whose MAC fails (B8-ACT1-03)"),
    KEEP_OPEN_ON_HALF_CLOSE("stay connected when the peer half-closes, e.g. inside a handshake act (B8-ACT1-01)"),
    ACT3_IGNORE_VERSION("accept Act Three whatever its version byte (B8-ACT3-01)"),
    ACT3_KEEP_OPEN_ON_BAD_CIPHERTEXT("stay connected after an Act Three whose encrypted key fails its MAC (B8-ACT3-02)"),
    ACT3_KEEP_OPEN_ON_BAD_KEY("stay connected after an Act Three carrying an invalid static key (B8-ACT3-04)"),
    ACT3_KEEP_OPEN_ON_BAD_TAG("stay connected after an Act Three whose final MAC fails (B8-ACT3-03)"),
    ACT2_SEND_BAD_VERSION("as responder, send Act Two with version 1 (B8-VER-01)"),
    SERIALIZE_HANDSHAKES("handle one handshake at a time, so a stalled one blocks the rest"),
    // BOLT 8 handshake, initiator side (the node dialling out)
    ACT2_IGNORE_VERSION("as initiator, accept Act Two whatever its version byte (B8-ACT2-02)"),
    ACT2_KEEP_OPEN_ON_BAD_KEY("as initiator, stay connected after an Act Two with an invalid key (B8-ACT2-04)"),
    ACT2_KEEP_OPEN_ON_BAD_TAG("as initiator, stay connected after an Act Two whose MAC fails (B8-ACT2-03)"),
    ACT1_SEND_BAD_VERSION("as initiator, send Act One with version 1 (B8-VER-01)"),
    ACT3_SEND_BAD_VERSION("as initiator, send Act Three with version 1 (B8-VER-01)"),
    // BOLT 8 transport
    TRANSPORT_KEEP_OPEN_ON_BAD_TAG("stay connected after a message whose MAC fails (B8-GEN-02)"),
    DROP_LARGE_MESSAGES("silently drop every message over 32 KiB (B8-MSG-01)"),
    STALL_AFTER_500_MESSAGES("stop answering once 500 messages arrived, i.e. at the first key rotation (B8-ROT-01)"),
    GARBLE_FRAME_AFTER_SEND_ROTATION("send the first message after the sending key's first rotation with a broken MAC, as a node"
            + " that does not rotate its sending key is seen by its peer (B8-ROT-01)"),
    // BOLT 1 init, what the node sends
    NO_INIT("never send init (B1-INIT-02)"),
    PING_BEFORE_INIT("send a ping before init (B1-INIT-02)"),
    PING_BEFORE_REMOTE_INIT("send a ping after our init but before the peer's init arrives (B1-INIT-11)"),
    INIT_UNDEFINED_FEATURE_BIT("set an undefined odd feature bit in our init (B1-INIT-04)"),
    INIT_GLOBALFEATURES_ABOVE_13("set a bit above 13 in our globalfeatures (B1-INIT-05)"),
    INIT_NON_MINIMAL_FEATURES("pad our features with a leading zero byte (B1-INIT-06)"),
    INIT_MISSING_DEPENDENCY("advertise a feature without the feature it depends on (B9-ORIG-06)"),
    INIT_BOTH_BITS("set both the optional and the mandatory bit of a feature (B9-ORIG-05)"),
    INIT_INVOICE_ONLY_BIT("set a feature bit whose BOLT 9 context excludes init, e.g. invoice-only 49 (B9-ORIG-04)"),
    INIT_TLVS_OUT_OF_ORDER("send init TLV records in decreasing type order (B1-TLV-01)"),
    INIT_TLV_NON_MINIMAL("encode an init TLV length non-minimally (B1-TLV-03)"),
    INIT_UNKNOWN_EVEN_TLV("add an unassigned even TLV record to our init (B1-MSG-03)"),
    INIT_BAD_NETWORKS_LENGTH("send a networks TLV of 31 bytes, not a whole number of chain hashes"),
    INIT_BAD_REMOTE_ADDR("send a remote_addr that is not a valid address descriptor (B1-INIT-09)"),
    INIT_PRIVATE_REMOTE_ADDR("send remote_addr even when it is a private address (B1-INIT-10)"),
    INIT_FEATURES_LENGTH_MISMATCH("write a features length one byte longer than the features written (B1-INIT-01)"),
    // BOLT 1 init, what the node accepts
    ACCEPT_UNKNOWN_EVEN_FEATURES("ignore unknown even bits in features (B1-INIT-15)"),
    CLOSE_ON_UNKNOWN_ODD_FEATURES("close on unknown odd bits in features (B1-INIT-14)"),
    CLOSE_ON_KNOWN_EVEN_FEATURE("close on any even bit in features, even of a feature it offers itself (B1-INIT-13, B1-INIT-15)"),
    IGNORE_GLOBALFEATURES("do not OR globalfeatures into features (B1-INIT-12)"),
    ACCEPT_MISSING_DEPENDENCIES("accept a feature vector without its dependencies (B1-INIT-17)"),
    ACCEPT_INVALID_TLV_STREAM("accept out-of-order, duplicate, non-minimal or truncated TLV records (B1-TLV-09/10/11)"),
    ZOMBIE_ON_INVALID_INIT_TLVS("go silent but stay connected when init's TLV stream is invalid (B1-MSG-15)"),
    ACCEPT_UNKNOWN_EVEN_TLV("ignore unknown even TLV records (B1-TLV-15)"),
    CLOSE_ON_UNKNOWN_ODD_TLV("close on unknown odd TLV records (B1-TLV-16)"),
    ACCEPT_BAD_TLV_LENGTH("accept a TLV whose length does not fit its type or the message (B1-TLV-11/13)"),
    ZOMBIE_ON_FOREIGN_NETWORKS("go silent but stay connected when networks has no common chain (B1-INIT-16)"),
    NETWORKS_CHECK_FIRST_ONLY("compare only the first chain of the peer's networks; go silent if it is not ours (B1-INIT-16)"),
    NETWORKS_BYTE_ORDER_REVERSED("read the peer's chain hashes byte-reversed and close when none matches ours (B1-INIT-16)"),
    CLOSE_ON_REMOTE_ADDR("close when init carries remote_addr (B1-TLV-12)"),
    ZOMBIE_ON_MALFORMED_REMOTE_ADDR("go silent but stay connected when remote_addr is not a known, whole address descriptor"),
    ZOMBIE_ON_SECOND_INIT("go silent but stay connected after a second init"),
    ANSWER_PING_BEFORE_INIT("answer a ping that arrives before the peer's init (B1-INIT-11)"),
    TLV_STREAM_REQUIRED("close when the peer's init ends right after its features, as if a TLV record were cut (B1-TLV-08)"),
    TLV_READ_PAST_FINAL_EMPTY_RECORD("close when the peer's init ends with a zero-length TLV record, as if more were due (B1-TLV-08)"),
    // BOLT 1 messages
    CLOSE_ON_UNKNOWN_ODD_MESSAGE("close on an unknown odd message type (B1-MSG-09)"),
    IGNORE_UNKNOWN_EVEN_MESSAGE("ignore an unknown even message type (B1-MSG-10)"),
    ACCEPT_SHORT_MESSAGE("accept a known message too short for its fields (B1-MSG-12)"),
    ZOMBIE_ON_INVALID_EXTENSION("go silent but stay connected after a message whose extension TLV stream is invalid (B1-MSG-15)"),
    CLOSE_ON_VALID_EXTENSION("close on a message carrying a valid unknown odd extension (B1-MSG-14)"),
    SEND_UNKNOWN_EVEN_MESSAGE("send an unassigned even message type after init, with nothing negotiated (B1-MSG-02)"),
    // BOLT 2 messages for channels the node does not have
    ERROR_ON_OTHER_CHANNEL_ID_FOR_OPEN("refuse open_channel and open_channel2 with an error naming another channel id, not the temporary_channel_id (B1-ERR-02/04)"),
    IGNORE_UNKNOWN_CHANNEL_MESSAGES("ignore channel messages (types 32-255) for unknown channels instead of answering with error (B1-ERR-06)"),
    // BOLT 2 channel establishment, the node as fundee
    ACCEPT_OTHER_CHANNEL_TYPE("answer open_channel with an accept_channel whose channel_type differs from the one proposed (B2-ACC-05)"),
    FUNDING_SIGNED_BAD_SIGNATURE("sign the funder's commitment transaction with commitment number 1 instead of 0 in funding_signed (B2-FSG-02)"),
    ACCEPT_BAD_FUNDING_SIGNATURE("answer a funding_created whose signature does not verify with funding_signed (B2-FCR-06)"),
    // BOLT 2 open_channel, receiving node: each accepts one open_channel the fundee MUST refuse
    ACCEPT_OPEN_FOREIGN_CHAIN("accept an open_channel whose chain_hash names a chain we do not follow (B2-OPN-17)"),
    ACCEPT_OPEN_WITHOUT_CHANNEL_TYPE("accept an open_channel without channel_type, as static_remotekey (B2-OPN-14)"),
    ACCEPT_OPEN_UNDEFINED_CHANNEL_TYPE("accept an open_channel whose channel_type BOLT 2 does not define, as static_remotekey (B2-OPN-29)"),
    ACCEPT_OPEN_ZEROCONF_UNTRUSTED("accept an open_channel whose channel_type has option_zeroconf from a funder we do not trust (B2-OPN-30)"),
    ACCEPT_OPEN_PUSH_ABOVE_FUNDING("accept an open_channel whose push_msat exceeds funding_satoshis * 1000 (B2-OPN-18)"),
    ACCEPT_OPEN_HUGE_TO_SELF_DELAY("accept an open_channel with any to_self_delay, up to 65535 blocks (B2-OPN-19)"),
    ACCEPT_OPEN_MAX_ACCEPTED_HTLCS_ABOVE_483("accept an open_channel whose max_accepted_htlcs is above 483 (B2-OPN-20)"),
    ACCEPT_OPEN_ZERO_FEERATE("accept an open_channel with a feerate_per_kw below the relay floor, even 0 (B2-OPN-21)"),
    ACCEPT_OPEN_HUGE_FEERATE("accept an open_channel with any feerate_per_kw the funder can pay (B2-OPN-21)"),
    ACCEPT_OPEN_DUST_ABOVE_RESERVE("accept an open_channel whose dust_limit_satoshis exceeds channel_reserve_satoshis (B2-OPN-23)"),
    ACCEPT_OPEN_DUST_BELOW_354("accept an open_channel whose dust_limit_satoshis is below 354 (B2-OPN-24)"),
    ACCEPT_OPEN_FUNDER_CANNOT_PAY_FEE("accept an open_channel whose funder cannot pay the first commitment's fee (B2-OPN-25)"),
    ACCEPT_OPEN_BOTH_OUTPUTS_WITHIN_RESERVE("accept an open_channel whose first commitment has both outputs at or below the reserve (B2-OPN-26)"),
    ACCEPT_OPEN_LARGE_FUNDING("accept an open_channel of 2^24 sat or more without offering option_support_large_channel (B2-OPN-27)"),
    ACCEPT_OPEN_INVALID_FUNDING_PUBKEY("read an open_channel whose funding_pubkey is not a valid point, and accept it (B2-OPN-22)"),
    ACCEPT_OPEN_INVALID_REVOCATION_BASEPOINT("read an open_channel whose revocation_basepoint is not a valid point, and accept it (B2-OPN-22)"),
    ACCEPT_OPEN_INVALID_PAYMENT_BASEPOINT("read an open_channel whose payment_basepoint is not a valid point, and accept it (B2-OPN-22)"),
    ACCEPT_OPEN_INVALID_DELAYED_PAYMENT_BASEPOINT("read an open_channel whose delayed_payment_basepoint is not a valid point, and accept it (B2-OPN-22)"),
    KEEP_PENDING_ACROSS_RECONNECTION("keep a peer's proposed channel across reconnection and refuse its next open_channel (B2-OPN-16)"),
    REFUSE_OPEN_UNDEFINED_CHANNEL_FLAGS("fail the channel when open_channel sets undefined bits of channel_flags (B2-OPN-15)"),
    ACCEPT_OPEN_INVALID_HTLC_BASEPOINT("read an open_channel whose htlc_basepoint is not a valid point, and accept it (B2-OPN-22)"),
    ACCEPT_OTHER_TEMPORARY_CHANNEL_ID("answer open_channel with an accept_channel naming another temporary_channel_id (B2-ACC-01)"),
    ACCEPT_RESERVE_BELOW_FUNDER_DUST("set accept_channel's channel_reserve_satoshis one below the funder's dust_limit_satoshis (B2-ACC-04)"),
    ACCEPT_DUST_ABOVE_FUNDER_RESERVE("set accept_channel's dust_limit_satoshis one above the funder's channel_reserve_satoshis (B2-ACC-06)"),
    ACCEPT_RESERVE_BELOW_OWN_DUST("set accept_channel's channel_reserve_satoshis one below its own dust_limit_satoshis (B2-ACC-14)"),
    ACCEPT_DUST_BELOW_354("set accept_channel's dust_limit_satoshis to 353 satoshis (B2-ACC-19)"),
    ACCEPT_MAX_ACCEPTED_HTLCS_484("set accept_channel's max_accepted_htlcs to 484 (B2-ACC-23)"),
    ACCEPT_INVALID_BASEPOINT("send accept_channel an htlc_basepoint whose x is not on the curve (B2-ACC-12)"),
    ACCEPT_INVALID_PER_COMMITMENT_POINT("send accept_channel a first_per_commitment_point with the uncompressed prefix 0x04 (B2-ACC-13)"),
    ACCEPT_MINIMUM_DEPTH_ZERO("set accept_channel's minimum_depth to 0 for a channel_type without option_zeroconf (B2-ACC-03)"),
    ACCEPT_TO_SELF_DELAY_ZERO("set accept_channel's to_self_delay to 0 blocks (B2-ACC-18)"),
    ACCEPT_TO_SELF_DELAY_4032("set accept_channel's to_self_delay to 4032 blocks (B2-ACC-22)"),
    ACCEPT_NO_UPFRONT_SHUTDOWN_SCRIPT("leave upfront_shutdown_script out of an accept_channel that carries channel_type (B2-ACC-16)"),
    ACCEPT_P2PKH_UPFRONT_SHUTDOWN_SCRIPT("send a P2PKH upfront_shutdown_script in accept_channel, not one of shutdown's forms (B2-ACC-15)"),
    ACCEPT_CHANNEL_TYPE_NOT_MINIMAL("encode accept_channel's channel_type with a leading zero byte (B2-ACC-17)"),
    ACCEPT_HIGH_S_FUNDING_SIGNATURE("answer a funding_created whose signature has a high S value with funding_signed (B2-FCR-06)"),
    // BOLT 7 gossip sent to a peer that does not offer gossip_queries
    SEND_GOSSIP_QUERIES("send query_channel_range after init even to a peer that does not offer gossip_queries (B7-FEAT-03)"),
    SEND_GOSSIP_FILTER("ask a peer that does not offer gossip_queries for all gossip with gossip_timestamp_filter(0, 0xFFFFFFFF) (B7-FEAT-04)"),
    // BOLT 7 gossip queries, receiver side (GossipQueries)
    ANSWER_FIRST_QUERY_ONLY("answer only the first query_channel_range and the first query_short_channel_ids of a connection (B7-QCR-07, B7-QSCID-16)"),
    ZOMBIE_ON_EMPTY_RANGE_QUERY("go silent but stay connected after a query_channel_range of 0 blocks (B7-QCR-07)"),
    RANGE_REPLY_OWN_CHAIN("answer query_channel_range with replies naming our chain, whatever chain was queried (B7-QCR-08)"),
    RANGE_REPLY_START_AFTER("start the first reply_channel_range one block after the queried first block (B7-QCR-11)"),
    RANGE_REPLY_WRAPS("end reply_channel_range at 2^32 - 1 when the queried range runs past 2^32 (B7-QCR-15)"),
    RANGE_REPLY_ZLIB("encode reply_channel_range's encoded_short_ids with the retired zlib encoding (B7-QRY-01)"),
    RANGE_REPLY_NO_SYNC_COMPLETE("leave sync_complete at 0 in the final reply_channel_range (B7-QCR-16)"),
    RANGE_REPLY_OUT_OF_ORDER("split the reply in two and send the later blocks first (B7-QCR-11/13)"),
    ZOMBIE_ON_MALFORMED_QUERY("go silent but stay connected after a query_short_channel_ids it cannot read (B7-QSCID-08..12)"),
    CLOSE_ON_QUERY_FLAGS("close on query_short_channel_ids carrying query_flags (B7-QSCID-16)"),
    IGNORE_SHORT_CHANNEL_IDS_QUERY("send no reply_short_channel_ids_end for ids it does not know (B7-QSCID-16)"),
    FULL_INFORMATION_ON_FOREIGN_CHAIN("set full_information to 1 for a chain it does not follow (B7-QSCID-17)"),
    RELAY_DESPITE_FILTER("relay another node's node_announcement whatever gossip_timestamp_filter asked for (B7-GOS-01, B7-GTF-04)"),
    RELAY_BEFORE_FILTER("relay another node's node_announcement right after init, before any gossip_timestamp_filter (B7-REB-01)"),
    // BOLT 7 gossip queries, sender side (GossipSync), to a peer that offers gossip_queries
    QUERY_ZERO_BLOCKS("send query_channel_range with number_of_blocks 0 (B7-QCR-04)"),
    REPEAT_QUERY_CHANNEL_RANGE("send query_channel_range twice without waiting for the replies (B7-QCR-01)"),
    QUERY_IDS_ZLIB("encode our query_short_channel_ids with the retired zlib encoding (B7-QRY-01, B7-QSCID-03)"),
    REPEAT_QUERY_SHORT_CHANNEL_IDS("split our ids into two query_short_channel_ids sent back to back (B7-QSCID-01)"),
    FILTER_WRONG_CHAIN("send gossip_timestamp_filter for a chain other than ours (B7-GTF-01)"),
    // ping / pong
    ANSWER_OVERSIZE_PING("answer pings with num_pong_bytes >= 65532 (B1-PING-08)"),
    CLOSE_ON_OVERSIZE_PING("close on pings with num_pong_bytes >= 65532 (B1-PING-08)"),
    PONG_LENGTH_OFF_BY_ONE("answer pings with one byte more than asked (B1-PING-07)"),
    PONG_NONZERO_BYTES("fill pong's ignored bytes with non-zero data (B1-PING-05)"),
    IGNORE_LARGE_PINGS("do not answer pings with num_pong_bytes above 60000 (B1-PING-07)"),
    DROP_SECOND_PIPELINED_PING("drop every ping that arrives while a pong is being sent (B1-PING-07)"),
    ZOMBIE_ON_UNSOLICITED_PONG("go silent but stay connected after a pong nobody asked for (B1-PING-09)"),
    PING_NONZERO_IGNORED("fill the ignored bytes of our own pings with non-zero data (B1-PING-01)"),
    // warning / error
    ZOMBIE_AFTER_ERROR("go silent but stay connected after receiving an error (B1-ERR-16)"),
    ZOMBIE_AFTER_WARNING("go silent but stay connected after receiving a warning"),
    CLOSE_ON_UNKNOWN_CHANNEL_ERROR("close on an error for a channel we do not have (B1-ERR-16)"),
    CLOSE_ON_UNKNOWN_CHANNEL_WARNING("close on a warning for a channel we do not have (B1-ERR-16)"),
    ZOMBIE_ON_NON_PRINTABLE_DATA("go silent but stay connected after an error or warning whose data is not printable ASCII (B1-ERR-17)"),
    // peer storage
    STORAGE_KEEP_FIRST_BLOB("keep the first blob a peer stored and ignore later peer_storage (B1-STOR-08)"),
    STORAGE_FORGET_AFTER_RETRIEVAL("forget a peer's blob once it was returned, so a later reconnection gets none (B1-STOR-09)"),
    // connections
    ALLOW_DUPLICATE_CONNECTIONS("keep two connections with the same peer (B1-CONN-01)");

    private final String description;

    Deviation(String description) {
        this.description = description;
    }

    /** What rule it breaks, with the requirement id. */
    public String description() {
        return description;
    }

    /** The name as users type it: lower-case with dashes, e.g. {@code answer-oversize-ping}. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses either form, {@code ANSWER_OVERSIZE_PING} or {@code answer-oversize-ping}. */
    public static Deviation parse(String s) {
        return valueOf(s.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    }
}
