package org.lnconform.harness.probe;

/** Human names of message types for traces. */
public final class MessageNames {

    private MessageNames() {}

    public static String of(int type) {
        return switch (type) {
            case 1 -> "warning";
            case 7 -> "peer_storage";
            case 9 -> "peer_storage_retrieval";
            case 16 -> "init";
            case 17 -> "error";
            case 18 -> "ping";
            case 19 -> "pong";
            case 256 -> "channel_announcement";
            case 257 -> "node_announcement";
            case 258 -> "channel_update";
            case 259 -> "announcement_signatures";
            case 261 -> "query_short_channel_ids";
            case 262 -> "reply_short_channel_ids_end";
            case 263 -> "query_channel_range";
            case 264 -> "reply_channel_range";
            case 265 -> "gossip_timestamp_filter";
            default -> "type-" + type + (type % 2 == 0 ? "(even)" : "(odd)");
        };
    }
}
