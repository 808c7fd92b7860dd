package org.lnconform.harness.cases;

import java.util.List;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.probe.Handshakes;
import org.lnconform.harness.probe.Incoming;
import org.lnconform.harness.probe.ProbeConnection;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseBuilder;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseError;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.harness.run.Evidence;
import org.lnconform.harness.oracle.Observation;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.run.InitBuilder;
import org.lnconform.harness.run.Unsupported;
import org.lnconform.noise.NodeKey;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.PeerStorage;
import org.lnconform.wire.message.PeerStorageRetrieval;

/**
 * Peer storage (01-messaging.md, Peer storage): the harness asks the node to keep blobs, goes
 * away and comes back with the same static key. Without a channel a node MAY decline to store
 * (B1-STOR-06), so a node that returns nothing leaves nothing to check; one that returns a blob
 * must return the latest, after every reconnection, once both inits are exchanged.
 */
public final class StorageCases {

    /** option_provide_storage (BOLT 9, 42/43). */
    static final int PROVIDE_STORAGE_ODD = 43;

    /** The size BOLT 1 asks senders to pad every blob to (B1-STOR-04): the largest that fits. */
    static final int BLOB_LENGTH = 65531;


    private StorageCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/storage/latest-blob-returned")
                        .title("After two peer_storage messages and a reconnection, the node returns the second blob")
                        .requires("B1-STOR-08", "B1-STOR-10")
                        .must().allow(Outcome.CONFORMS).needsFeature(PROVIDE_STORAGE_ODD)
                        .expected("peer_storage_retrieval carries the second blob byte for byte; a node that returns"
                                + " nothing (it may decline to store without a channel) leaves nothing to check")
                        .body(StorageCases::latestBlob),
                CaseBuilder.of("bolt01/storage/returned-after-every-reconnection")
                        .title("A stored blob comes back after each reconnection, and only once both inits are exchanged")
                        .requires("B1-STOR-09", "B1-STOR-10")
                        .must().allow(Outcome.CONFORMS).needsFeature(PROVIDE_STORAGE_ODD)
                        .expected("after the first and the second reconnection alike, peer_storage_retrieval with the"
                                + " blob arrives after our init; a node that never returns it leaves nothing to check")
                        .body(StorageCases::everyReconnection));
    }

    private static Evidence latestBlob(CaseContext ctx) throws Exception {
        NodeKey key = ctx.freshKey();
        Bytes first = blob(ctx);
        Bytes second = blob(ctx);
        store(ctx, key, first, second);
        Returned r = reconnect(ctx, key, false);
        if (r.evidence() != null) {
            return r.evidence();
        }
        if (r.blob().equals(second)) {
            return Evidence.conforms("peer_storage_retrieval returned the second blob (" + second.size() + " bytes)");
        }
        if (r.blob().equals(first)) {
            return Evidence.violates("peer_storage_retrieval returned the first blob, not the latest one"
                    + " (a node that rate-limits storage to one update a minute, B1-STOR-07, may not have stored it yet)");
        }
        return Evidence.violates("peer_storage_retrieval returned " + r.blob().size() + " bytes that match neither blob sent");
    }

    private static Evidence everyReconnection(CaseContext ctx) throws Exception {
        NodeKey key = ctx.freshKey();
        Bytes stored = blob(ctx);
        store(ctx, key, stored);
        for (int round = 1; round <= 2; round++) {
            Returned r = reconnect(ctx, key, round == 2);
            if (r.evidence() != null) {
                return r.evidence();
            }
            if (!r.blob().equals(stored)) {
                return Evidence.violates("reconnection " + round + ": peer_storage_retrieval returned "
                        + r.blob().size() + " bytes that are not the blob stored");
            }
        }
        return Evidence.conforms("the blob came back after both reconnections, each time after our init");
    }

    /** Connects as {@code key}, stores each blob in turn, and sees them all read (a pong after them). */
    private static void store(CaseContext ctx, NodeKey key, Bytes... blobs) throws Exception {
        ProbeSession s = connectAs(ctx, key);
        Init nodeInit = ctx.readNodeInit(s);
        if (!nodeInit.combinedFeatures().isSet(PROVIDE_STORAGE_ODD) && !nodeInit.combinedFeatures().isSet(PROVIDE_STORAGE_ODD - 1)) {
            throw new Unsupported("the node does not offer option_provide_storage (42/43)");
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).build(), "init compatible with the node's");
        for (Bytes b : blobs) {
            s.send(new PeerStorage(b));
        }
        Evidence alive = ctx.oracle().followUp(s);
        if (alive.outcome() != Outcome.STAYED_UP && alive.outcome() != Outcome.WARNED_STAYED_UP) {
            throw new CaseError("the node did not stay up after peer_storage: " + alive.observed());
        }
        s.close();
    }

    /** The blob returned on a reconnection, or the evidence that ends the case instead. */
    private record Returned(Bytes blob, Evidence evidence) {}

    /**
     * Reconnects as {@code key}; our init is held back for a moment, in which the node must send
     * nothing (B1-STOR-09: the blob comes after the init exchange). No blob at all is UNSUPPORTED
     * on the first reconnection (the node may not store), a violation on the second.
     */
    private static Returned reconnect(CaseContext ctx, NodeKey key, boolean mustReturn) throws Exception {
        ProbeSession s = connectAs(ctx, key);
        Init nodeInit = ctx.readNodeInit(s);
        Incoming early = s.read(Oracle.QUIET);
        if (early instanceof Incoming.Message m) {
            return new Returned(null, Evidence.violates("before our init the node sent " + CaseContext.describe(m)));
        }
        if (early instanceof Incoming.Closed) {
            throw new CaseError("the node closed the reconnection before our init");
        }
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).build(),
                "init compatible with the node's, " + Oracle.QUIET.toMillis() + " ms late");
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(),
                m -> m.decoded() instanceof PeerStorageRetrieval);
        try {
            if (o.found() != null) {
                return new Returned(((PeerStorageRetrieval) o.found().decoded()).blob(), null);
            }
            if (o.ending().outcome() == Outcome.SILENT) {
                return new Returned(null, o.ending());
            }
            if (mustReturn) {
                return new Returned(null, Evidence.violates("on the second reconnection no peer_storage_retrieval came ("
                        + o.ending().observed() + "), though the first one returned the blob"));
            }
            throw new Unsupported("no peer_storage_retrieval after reconnecting (" + o.ending().observed()
                    + "): without a channel the node may decline to store (B1-STOR-06), so there is nothing to check");
        } finally {
            s.close();
        }
    }

    /** A new connection whose handshake presents {@code key} (the same peer as before). */
    private static ProbeSession connectAs(CaseContext ctx, NodeKey key) throws CaseError {
        ProbeConnection c = ctx.dial();
        Handshakes.Result r = Handshakes.initiate(c, key, ctx.target().publicKey(), Handshakes.Tamper.NONE, ctx.bounds());
        if (r instanceof Handshakes.Result.Done done) {
            return done.session();
        }
        throw new CaseError("the harness could not complete a valid handshake with the node, so the case cannot run: "
                + Handshakes.describe(r));
    }

    /** Random bytes, as an encrypted backup looks, padded to the full size. */
    private static Bytes blob(CaseContext ctx) {
        byte[] b = new byte[BLOB_LENGTH];
        for (int i = 0; i < BLOB_LENGTH; i += 32) {
            byte[] next = ctx.random().next32();
            System.arraycopy(next, 0, b, i, Math.min(32, BLOB_LENGTH - i));
        }
        return Bytes.of(b);
    }
}
