package org.lnconform.wire.gossip;

/**
 * BOLT 7 subtype {@code channel_update_checksums}: the CRC32C of the two channel_updates of one
 * channel (0 where there is none), as sent in reply_channel_range's {@code checksums_tlv}.
 */
public record ChannelUpdateChecksums(long checksumNodeId1, long checksumNodeId2) {
}
