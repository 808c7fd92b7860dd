package org.lnconform.harness.cases;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.lnconform.harness.cases.bolt02.ChannelPeer;
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
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.PeerStorage;
import org.lnconform.wire.message.PeerStorageRetrieval;
import org.lnconform.wire.message.Warning;

/**
 * Peer storage (01-messaging.md, Peer storage): the harness asks the node to keep blobs, goes
 * away and comes back with the same static key. Without a channel a node MAY decline to store
 * (B1-STOR-06); one that does is asked again as a channel peer (our BOLT 2 funder flow to a
 * verified funding_signed, nothing broadcast), which it must store for (B1-STOR-05). A node that
 * returns nothing either way leaves nothing to check; one that returns a blob must return the
 * latest, after every reconnection, once both inits are exchanged.
 */
public final class StorageCases {

    /** option_provide_storage (BOLT 9, 42/43). */
    static final int PROVIDE_STORAGE_ODD = 43;

    /** The size BOLT 1 asks senders to pad every blob to (B1-STOR-04): the largest that fits. */
    static final int BLOB_LENGTH = 65531;


    /** How long the node's answers to peer_storage are collected before the follow-up ping. */
    static final Duration AFTER_BLOBS = Duration.ofSeconds(1);

    private StorageCases() {}

    public static List<ConformanceCase> all() {
        return List.of(
                CaseBuilder.of("bolt01/storage/latest-blob-returned")
                        .title("After two peer_storage messages and a reconnection, the node returns the second blob")
                        .requires("B1-STOR-08", "B1-STOR-10")
                        .must().allow(Outcome.CONFORMS).needsFeature(PROVIDE_STORAGE_ODD)
                        .expected("peer_storage_retrieval carries the second blob byte for byte (as a channel peer if the node"
                                + " declines to store without a channel); a node that returns nothing either way leaves"
                                + " nothing to check")
                        .body(StorageCases::latestBlob),
                CaseBuilder.of("bolt01/storage/returned-after-every-reconnection")
                        .title("A stored blob comes back after each reconnection, and only once both inits are exchanged")
                        .requires("B1-STOR-09", "B1-STOR-10")
                        .must().allow(Outcome.CONFORMS).needsFeature(PROVIDE_STORAGE_ODD)
                        .expected("after the first and the second reconnection alike, peer_storage_retrieval with the"
                                + " blob arrives after our init (as a channel peer if the node declines to store without"
                                + " a channel); a node that never returns it leaves nothing to check")
                        .body(StorageCases::everyReconnection));
    }

    private static Evidence latestBlob(CaseContext ctx) throws Exception {
        Bytes first = blob(ctx);
        Bytes second = blob(ctx);
        Stored st = storeAndReconnect(ctx, first, second);
        Returned r = st.first();
        if (r.evidence() != null) {
            return st.noted(r.evidence());
        }
        if (r.blob().equals(second)) {
            return st.noted(Evidence.conforms("peer_storage_retrieval returned the second blob (" + second.size() + " bytes)"));
        }
        if (r.blob().equals(first)) {
            return st.noted(Evidence.violates("peer_storage_retrieval returned the first blob, not the latest one"
                    + " (a node that rate-limits storage to one update a minute, B1-STOR-07, may not have stored it yet)"));
        }
        return st.noted(Evidence.violates("peer_storage_retrieval returned " + r.blob().size()
                + " bytes that match neither blob sent"));
    }

    private static Evidence everyReconnection(CaseContext ctx) throws Exception {
        Bytes stored = blob(ctx);
        Stored st = storeAndReconnect(ctx, stored);
        for (int round = 1; round <= 2; round++) {
            Returned r = round == 1 ? st.first() : reconnect(ctx, st.key(), st.channelPeer(), true);
            if (r.evidence() != null) {
                return st.noted(r.evidence());
            }
            if (!r.blob().equals(stored)) {
                return st.noted(Evidence.violates("reconnection " + round + ": peer_storage_retrieval returned "
                        + r.blob().size() + " bytes that are not the blob stored"));
            }
        }
        return st.noted(Evidence.conforms("the blob came back after both reconnections, each time after our init"));
    }

    /**
     * The blobs stored under {@code key}, and what the first reconnection brought; {@code note} is
     * empty, or says why the blobs were stored as a channel peer.
     */
    private record Stored(NodeKey key, boolean channelPeer, Returned first, String note) {
        Evidence noted(Evidence e) {
            return note.isEmpty() ? e : new Evidence(e.outcome(), e.observed() + note);
        }
    }

    /**
     * Stores {@code blobs} as a peer without a channel and reconnects. A node that declines that
     * (B1-STOR-06 lets it: a warning, or no blob after reconnecting) is asked again as a channel
     * peer, one new key for both: our BOLT 2 funder flow to a verified funding_signed, then the
     * same blobs (B1-STOR-05: with an open channel it must store them). Declining then too, or
     * refusing the channel, leaves nothing to check.
     */
    private static Stored storeAndReconnect(CaseContext ctx, Bytes... blobs) throws Exception {
        NodeKey key = ctx.freshKey();
        String warned = store(ctx, key, false, blobs).warned();
        Returned r = reconnect(ctx, key, false, false);
        if (r.blob() != null || r.evidence() != null) {
            return new Stored(key, false, r, "");
        }
        String declined = "as a peer without a channel: " + declined(warned, r);
        NodeKey channelPeer = ctx.freshKey();
        Sent sent;
        try {
            sent = store(ctx, channelPeer, true, blobs);
        } catch (Unsupported u) {
            throw new Unsupported(declined + " (without a channel the node may decline to store, B1-STOR-06);"
                    + " as a channel peer: " + u.getMessage() + ", so there is nothing to check");
        }
        Returned again = reconnect(ctx, channelPeer, true, false);
        if (again.blob() == null && again.evidence() == null) {
            throw new Unsupported(declined + " (without a channel the node may decline to store, B1-STOR-06);"
                    + " as a channel peer (" + sent.opened() + ", before the blobs): "
                    + declined(sent.warned(), again) + "; so there is nothing to check");
        }
        return new Stored(channelPeer, true, again, " [stored as a channel peer, because " + declined
                + " (without a channel the node may decline to store, B1-STOR-06); so, as a new peer, with one key for"
                + " the channel and the blobs, " + sent.opened() + ", before the blobs were sent]");
    }

    /** How a node declined: its warnings after peer_storage, if any, and what came instead of the blob. */
    private static String declined(String warned, Returned none) {
        return (warned.isEmpty() ? "" : "after peer_storage " + warned + "; ")
                + "after reconnecting, no peer_storage_retrieval came (" + none.none() + ")";
    }

    /** What storing brought: the node's warnings about the blobs ("" if none), and the channel opened first ("" if none). */
    private record Sent(String warned, String opened) {}

    /**
     * Connects as {@code key}; as a {@code channelPeer} opens a channel to a verified
     * funding_signed first, on the same connection; then stores each blob in turn and sees them all
     * read (a pong after them). A node may decline with a warning: the distinct texts are returned,
     * so the evidence does not depend on how many arrived before the pong.
     */
    private static Sent store(CaseContext ctx, NodeKey key, boolean channelPeer, Bytes... blobs) throws Exception {
        ProbeSession s = connectAs(ctx, key);
        Init nodeInit = ctx.readNodeInit(s);
        if (!nodeInit.combinedFeatures().isSet(PROVIDE_STORAGE_ODD) && !nodeInit.combinedFeatures().isSet(PROVIDE_STORAGE_ODD - 1)) {
            throw new Unsupported("the node does not offer option_provide_storage (42/43)");
        }
        sendInit(ctx, s, nodeInit, channelPeer, "");
        String opened = "";
        if (channelPeer) {
            ChannelPeer.Opened o = ChannelPeer.toFundingSigned(ctx, s, nodeInit);
            if (!o.fundingSigned()) {
                s.close();
                throw new Unsupported(o.observed());
            }
            opened = o.observed();
        }
        for (Bytes b : blobs) {
            s.send(new PeerStorage(b));
        }
        // a window before the follow-up ping: a node may queue its warning behind the pong (LDK does)
        Observation o = ctx.oracle().watch(s, AFTER_BLOBS, m -> false);
        s.close();
        if (o.ending().outcome() != Outcome.STAYED_UP) {
            throw new CaseError("the node did not stay up after peer_storage: " + o.ending().observed());
        }
        String warned = o.messages().stream().filter(m -> m.decoded() instanceof Warning)
                .map(m -> "\"" + ((Warning) m.decoded()).dataText() + "\"").distinct().collect(Collectors.joining(", "));
        return new Sent(warned.isEmpty() ? "" : "the node warned " + warned, opened);
    }

    /** Our init: compatible with the node's; as a channel peer also offering the features of our channel type. */
    private static void sendInit(CaseContext ctx, ProbeSession s, Init nodeInit, boolean channelPeer, String late) {
        FeatureVector features = InitBuilder.compatibleFeatures(nodeInit, ctx.features())
                .or(channelPeer ? ChannelPeer.initFeatures(nodeInit) : FeatureVector.empty());
        s.sendPlaintext(InitBuilder.compatibleWith(nodeInit, ctx.features()).features(features).build(),
                "init compatible with the node's" + (channelPeer ? ", offering the features of our channel's type" : "")
                        + late);
    }

    /** The blob returned on a reconnection, the evidence that ends the case instead, or (both null) what came instead of a blob. */
    private record Returned(Bytes blob, Evidence evidence, String none) {}

    /**
     * Reconnects as {@code key}; our init is held back for a moment, in which the node must send
     * nothing (B1-STOR-09: the blob comes after the init exchange). No blob at all is a violation
     * when the node returned it before ({@code mustReturn}); otherwise the node may not store.
     */
    private static Returned reconnect(CaseContext ctx, NodeKey key, boolean channelPeer, boolean mustReturn)
            throws Exception {
        ProbeSession s = connectAs(ctx, key);
        Init nodeInit = ctx.readNodeInit(s);
        Incoming early = s.read(Oracle.QUIET);
        if (early instanceof Incoming.Message m) {
            return new Returned(null, Evidence.violates("before our init the node sent " + CaseContext.describe(m)), "");
        }
        if (early instanceof Incoming.Closed) {
            throw new CaseError("the node closed the reconnection before our init");
        }
        sendInit(ctx, s, nodeInit, channelPeer, ", " + Oracle.QUIET.toMillis() + " ms late");
        Observation o = ctx.oracle().watch(s, ctx.bounds().reply(),
                m -> m.decoded() instanceof PeerStorageRetrieval);
        try {
            if (o.found() != null) {
                return new Returned(((PeerStorageRetrieval) o.found().decoded()).blob(), null, "");
            }
            if (o.ending().outcome() == Outcome.SILENT) {
                return new Returned(null, o.ending(), "");
            }
            if (mustReturn) {
                return new Returned(null, Evidence.violates("on the second reconnection no peer_storage_retrieval came ("
                        + o.ending().observed() + "), though the first one returned the blob"), "");
            }
            return new Returned(null, null, o.ending().observed());
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
