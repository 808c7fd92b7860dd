package org.lnconform.peer;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.PeerStorageRetrieval;

/**
 * The blobs peers asked this node to keep with {@code peer_storage} (01-messaging.md, Peer
 * storage): the latest one per peer key, in memory, for as long as the node runs. A node that
 * offers {@code option_provide_storage} MAY store without a channel (B1-STOR-06); this one does,
 * unless configured to store only for peers it sent {@code funding_signed} ({@link #channelWith}).
 * Bounded: past {@link #MAX_PEERS} peers the one used least recently is dropped. Thread-safe,
 * shared by all of a node's connections.
 */
final class StoredBlobs {

    /** How many peers' blobs are kept (each at most 65531 bytes). */
    static final int MAX_PEERS = 256;

    private static final Map<Object, StoredBlobs> BY_NODE = new WeakHashMap<>();

    private final Map<String, Bytes> blobs = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bytes> eldest) {
            return size() > MAX_PEERS;
        }
    };

    /** Peers this node signed a first commitment for (funding_signed sent), bounded like the blobs. */
    private final Set<String> channelPeers = new HashSet<>();

    /** The store of the node {@code node} stands for: one per node, kept while the node is reachable. */
    static StoredBlobs of(Object node) {
        synchronized (BY_NODE) {
            return BY_NODE.computeIfAbsent(node, n -> new StoredBlobs());
        }
    }

    /** {@code peerKey} has a channel with this node: its funding_signed was sent. */
    synchronized void channelWith(String peerKey) {
        if (channelPeers.size() < MAX_PEERS) {
            channelPeers.add(peerKey);
        }
    }

    /** Whether {@code peerKey} has a channel with this node (see {@link #channelWith}). */
    synchronized boolean hasChannel(String peerKey) {
        return channelPeers.contains(peerKey);
    }

    /** A peer's {@code peer_storage}: the latest blob replaces the old one (B1-STOR-08) if {@code replace}. */
    synchronized void received(String peerKey, Bytes blob, boolean replace) {
        if (replace || !blobs.containsKey(peerKey)) {
            blobs.put(peerKey, blob);
        }
    }

    /**
     * What to send the peer once init is exchanged: its last blob, every time it reconnects
     * (B1-STOR-09/10); nothing if it stored none. With {@code forget}, the blob is dropped once returned.
     */
    synchronized Optional<PeerStorageRetrieval> toReturn(String peerKey, boolean forget) {
        Bytes blob = forget ? blobs.remove(peerKey) : blobs.get(peerKey);
        return Optional.ofNullable(blob).map(PeerStorageRetrieval::new);
    }
}
