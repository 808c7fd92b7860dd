package org.lnconform.peer;

import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.message.MessageType;
import org.lnconform.wire.message.UnknownMessage;

/**
 * Gossip the reference node did not generate, sent only by deviations that relay what nobody
 * asked for (B7-GOS-01, B7-REB-01, B7-GTF-04). The node has no gossip, so it is made up: a
 * node_announcement of another node, with a zero signature and timestamp 1.
 */
final class RelayedGossip {

    /** Another node's id: the secp256k1 generator point, compressed. */
    static final Bytes OTHER_NODE =
            Bytes.fromHex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

    private RelayedGossip() {}

    /** BOLT 7 node_announcement: signature, flen, features, timestamp, node_id, rgb_color, alias, addrlen, addresses. */
    static UnknownMessage nodeAnnouncement() {
        Bytes payload = new WireWriter().bytes(Bytes.zeros(64)).u16(0).u32(1).point(OTHER_NODE)
                .bytes(Bytes.zeros(3)).bytes(Bytes.zeros(32)).u16(0).toBytes();
        return new UnknownMessage(MessageType.NODE_ANNOUNCEMENT.number(), payload);
    }
}
