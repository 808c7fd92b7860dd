package org.lnconform.harness.cases.gossip;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.WireReader;
import org.lnconform.wire.message.MessageType;

/**
 * Tells the gossip a node generated itself from gossip it relays (07-routing-gossip.md): its own
 * node_announcement (node_id is its key), channel_announcements naming it, and channel_updates of
 * those channels are its own; everything else is relayed. Only the fields needed are read.
 */
final class RelayedGossip {

    private RelayedGossip() {}

    /** Descriptions of the relayed gossip messages among {@code messages}, in order. */
    static List<String> relayed(List<Incoming.Message> messages, Bytes nodeKey) {
        List<String> out = new ArrayList<>();
        Set<Bytes> ownChannels = new HashSet<>();
        for (Incoming.Message m : messages) {
            Bytes payload = Bytes.of(m.plaintext()).slice(2, m.plaintext().length);
            try {
                if (m.type() == MessageType.NODE_ANNOUNCEMENT.number()) {
                    WireReader in = new WireReader(payload);
                    in.bytes(64, "signature");
                    in.bytes(in.u16("flen"), "features");
                    long timestamp = in.u32("timestamp");
                    Bytes nodeId = in.bytes(33, "node_id");
                    if (!nodeId.equals(nodeKey)) {
                        out.add("node_announcement of " + nodeId.hex() + " (timestamp " + timestamp + ")");
                    }
                } else if (m.type() == MessageType.CHANNEL_ANNOUNCEMENT.number()) {
                    WireReader in = new WireReader(payload);
                    in.bytes(4 * 64, "signatures");
                    in.bytes(in.u16("len"), "features");
                    in.bytes(32, "chain_hash");
                    Bytes scid = in.bytes(8, "short_channel_id");
                    Bytes one = in.bytes(33, "node_id_1");
                    Bytes two = in.bytes(33, "node_id_2");
                    if (one.equals(nodeKey) || two.equals(nodeKey)) {
                        ownChannels.add(scid);
                    } else {
                        out.add("channel_announcement of " + scid.hex() + " between other nodes");
                    }
                } else if (m.type() == MessageType.CHANNEL_UPDATE.number()) {
                    WireReader in = new WireReader(payload);
                    in.bytes(64, "signature");
                    in.bytes(32, "chain_hash");
                    Bytes scid = in.bytes(8, "short_channel_id");
                    long timestamp = in.u32("timestamp");
                    if (!ownChannels.contains(scid)) {
                        out.add("channel_update of " + scid.hex() + " (timestamp " + timestamp + ")");
                    }
                }
            } catch (WireException e) {
                out.add(MessageType.of(m.type()).map(MessageType::specName).orElse("type " + m.type())
                        + " too short to tell whose it is");
            }
        }
        return out;
    }
}
