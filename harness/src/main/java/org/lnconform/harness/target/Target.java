package org.lnconform.harness.target;

import java.util.Map;
import java.util.Optional;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.Bytes;

/**
 * A node under test, however it was started: a URI given by the user, the embedded reference
 * node, or a container. The harness sees nodes only through this interface.
 */
public interface Target extends AutoCloseable {

    /** Where the harness dials the node. */
    NodeUri uri();

    /**
     * What the reports show about the node: at least {@code name}; also {@code implementation},
     * {@code version}, {@code uri}, {@code image} where known.
     */
    Map<String, String> describe();

    /** How to make the node dial the harness, if the target can (for the initiator-side cases). */
    default Optional<DialBack> dialBack() {
        return Optional.empty();
    }

    /**
     * The chain_hash of the chain the node follows, when whoever started it knows (a container
     * started in regtest); empty for a node given by URI. The gossip query cases use it only when
     * the node's init names no networks (lnd sends none), so which chain they query does not
     * depend on whether the node happened to send a query or filter of its own first.
     */
    default Optional<Bytes> chainHash() {
        return Optional.empty();
    }

    /** Stops whatever the target started; a no-op for a node given by URI. */
    @Override
    void close();

    /** Asks the node under test to open a connection to the harness. */
    @FunctionalInterface
    interface DialBack {
        void dial(NodeUri harness) throws Exception;
    }
}
