package org.lnconform.containers;

import java.util.Optional;
import org.lnconform.harness.target.Target;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.Bytes;
import org.testcontainers.lifecycle.Startable;

/**
 * What every node container offers once started: where to dial it, what it is, and how to make it
 * dial out. {@link #stop()} also stops the containers it depends on (bitcoind).
 */
public interface LightningNodeContainer extends Startable {

    /** {@code <pubkey>@127.0.0.1:<port>}, known once the container is ready. */
    NodeUri getNodeUri();

    /** The implementation's short name: {@code lnd}, {@code ldk}, {@code cln}, {@code eclair}. */
    String getImplementation();

    /** The version the node reports about itself (its getinfo), or the image's when it reports none. */
    String getNodeVersion();

    /** The image the container runs. */
    String getImageName();

    /** chain_hash of regtest (its genesis block hash, in the byte order of the wire). */
    Bytes REGTEST = Bytes.fromHex("06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f");

    /** The chain the node follows: every node container here runs regtest. */
    default Bytes chainHash() {
        return REGTEST;
    }

    /** Asks the node, through its admin interface, to connect to a harness listener; empty if it has none. */
    default Optional<Target.DialBack> dialBack() {
        return Optional.empty();
    }
}
