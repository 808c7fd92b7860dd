package org.lnconform.peer;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.WriteTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.peer.pipeline.HandshakeCompleted;
import org.lnconform.peer.pipeline.HandshakeFailed;
import org.lnconform.peer.pipeline.Inbound;
import org.lnconform.peer.pipeline.TransportFailed;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.FundingCreated;
import org.lnconform.wire.message.FundingSigned;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.OpenChannel;
import org.lnconform.wire.message.MessageRules;
import org.lnconform.wire.message.PeerStorage;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The BOLT 1 connection lifecycle on top of the transport: our init first, the peer's init within
 * a bound (judged by {@link InitPolicy}), then ping/pong, warnings and errors, the odd/even rule
 * for unknown messages, BOLT 2 channel messages for channels we do not have, peer storage,
 * keep-alive, and an orderly close with a typed reason. At each decision point it asks its
 * {@link Bolt1Tamper} (its gossip queries a {@link GossipTamper}, its fundee a {@link FundeeTamper}),
 * whose defaults are the spec's answers; the node hands them in.
 */
final class PeerHandler extends ChannelDuplexHandler implements Peer.Lifecycle {

    /** Told about authentication and the end of a connection (the node keeps one per key). */
    interface Hooks {
        /** Returns false if the connection must be dropped (a duplicate the node resolved against). */
        boolean authenticated(Peer peer);

        void closed(Peer peer);

        /** The node's peer storage, shared by its connections (by default one per hooks instance, i.e. per node). */
        default StoredBlobs storage() {
            return StoredBlobs.of(this);
        }
    }

    private enum State { HANDSHAKE, AWAIT_INIT, RUNNING, CLOSED }

    private final Peer peer;
    private final PeerConfig config;
    private final Hooks hooks;
    private final InitPolicy initPolicy;
    private final Bolt1Tamper tamper;
    private final Fundee fundee;
    private final PendingPings pendingPings = new PendingPings();
    private final GossipQueries gossipQueries;
    private final GossipSync gossipSync;
    private ChannelHandlerContext ctx;
    private State state = State.HANDSHAKE;
    private DisconnectReason reason;
    private ScheduledFuture<?> initTimeout;
    private ScheduledFuture<?> keepAlive;
    private boolean zombie;
    private volatile boolean closing;
    private long received;
    private boolean pingInThisRead;

    PeerHandler(Peer peer, PeerConfig config, FeatureTable table, Hooks hooks, Bolt1Tamper tamper,
            GossipTamper gossip, FundeeTamper fundee) {
        this.peer = peer;
        this.config = config;
        this.hooks = hooks;
        this.initPolicy = new InitPolicy(config, table);
        this.tamper = tamper;
        this.gossipQueries = new GossipQueries(config, gossip);
        this.gossipSync = new GossipSync(config, gossip);
        this.fundee = new Fundee(config.networks().isEmpty() ? PeerConfig.BITCOIN_REGTEST : config.networks().get(0), fundee,
                peer::remoteKeyHex);
        peer.handler = this;
    }

    Peer peer() {
        return peer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof HandshakeCompleted done) {
            onHandshake(done);
        } else if (evt instanceof HandshakeFailed failed) {
            reason = DisconnectReason.of(failed.timeout() ? Kind.HANDSHAKE_TIMEOUT : Kind.HANDSHAKE_FAILED,
                    failed.reason());
        } else if (evt instanceof TransportFailed failed) {
            // BOLT 8 (B8-GEN-02): a frame that fails its MAC ends the connection
            react(tamper.onTransportFailure(), null, () -> disconnect(DisconnectReason.of(Kind.TRANSPORT_FAILED, failed.detail())));
        } else {
            super.userEventTriggered(ctx, evt);
        }
    }

    private void onHandshake(HandshakeCompleted done) {
        peer.authenticated(done.session().remoteStatic());
        if (!hooks.authenticated(peer)) {
            disconnect(DisconnectReason.of(Kind.DUPLICATE_CONNECTION, "already connected to this peer"));
            return;
        }
        state = State.AWAIT_INIT;
        // BOLT 1 (B1-INIT-02): init is the first message we send
        InetSocketAddress remote = ctx.channel().remoteAddress() instanceof InetSocketAddress isa ? isa : null;
        byte[] init = OwnInit.build(config, remote, !peer.initiator());
        for (Object m : tamper.opening(init, remote, !peer.initiator())) {
            ctx.writeAndFlush(m instanceof byte[] b ? Unpooled.wrappedBuffer(b) : m);
        }
        initTimeout = ctx.executor().schedule(() -> disconnect(DisconnectReason.of(Kind.INIT_TIMEOUT,
                "no init within " + config.initTimeout().toMillis() + " ms")),
                config.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof Inbound in)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            return;
        }
        received++;
        if (react(tamper.onFrame(in.plaintext().length, received), null, () -> { })) {
            return;
        }
        if (zombie || state == State.CLOSED) {
            return;
        }
        if (in instanceof Inbound.Undecodable u) {
            onUndecodable(u.plaintext(), u.error());
        } else {
            received(((Inbound.Decoded) in).message());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        pingInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    private void onUndecodable(byte[] bytes, WireException e) {
        int type = bytes.length >= 2 ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff) : -1;
        Reaction r = tamper.onUndecodable(state == State.AWAIT_INIT, bytes, e);
        if (r instanceof Reaction.Handle h) {
            received(h.message());
            return;
        }
        // BOLT 1 (B1-MSG-12, B1-MSG-15): a known message that does not decode ends the connection
        react(r, null, () -> failWithWarning(Kind.MALFORMED_MESSAGE, "message type " + type + ": " + e.getMessage()));
    }

    private void received(LightningMessage m) {
        if (state == State.AWAIT_INIT) {
            onFirstMessage(m);
        } else if (state == State.RUNNING) {
            onMessage(m);
        }
    }

    private void onFirstMessage(LightningMessage m) {
        if (!(m instanceof Init init)) {
            if (tamper.processesBeforeInit(m)) {
                onMessage(m); // and keep waiting for init
                return;
            }
            // BOLT 1 (B1-INIT-11): nothing but init may come first
            failWithWarning(Kind.NON_INIT_FIRST, "first message was type " + m.type() + ", not init");
            return;
        }
        react(tamper.judgeInit(init, initPolicy.judge(init)), init, () -> onRunning(init));
    }

    /** Both inits exchanged: the connection runs. */
    private void onRunning(Init init) {
        cancel(initTimeout);
        state = State.RUNNING;
        peer.initReceived(init);
        peer.markReady();
        if (config.providesStorage()) {
            // B1-STOR-09/10: the peer's last blob goes back to it on every reconnection
            hooks.storage().toReturn(peer.remoteKeyHex(), tamper.forgetsBlobOnceReturned()).ifPresent(ctx::write);
        }
        tamper.afterInit().forEach(ctx::write);
        gossipSync.afterInit(init).forEach(ctx::write);
        ctx.flush();
        if (config.pingAfterInit()) {
            keepAlive(); // a liveness check at once; its pong stays with the lifecycle
        }
        if (!config.pingInterval().isZero()) {
            long ms = config.pingInterval().toMillis();
            keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAlive, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private void onMessage(LightningMessage m) {
        if (react(tamper.onMessage(m), m, () -> { })) {
            return;
        }
        if (m instanceof Ping ping) {
            onPing(ping);
            return; // answered here; nothing for the application
        } else if (m instanceof Pong pong) {
            if (onPong(pong)) {
                return; // the answer to our own keep-alive
            }
        } else if (m instanceof PeerStorage storage && config.providesStorage()) {
            if (config.storesForChannelPeersOnly() && !hooks.storage().hasChannel(peer.remoteKeyHex())) {
                // B1-STOR-06: without a channel a node may decline to store
                ctx.writeAndFlush(Warning.allChannels("peer_storage is kept only for peers with a channel"));
            } else {
                // B1-STOR-08: the latest blob replaces the one kept
                hooks.storage().received(peer.remoteKeyHex(), storage.blob(), tamper.replacesStoredBlob());
            }
        } else if (m instanceof OpenChannel open && fundee.takes(open)) {
            // BOLT 2: the reference node is a fundee on its own chain
            ctx.writeAndFlush(fundee.onOpen(open));
        } else if (m instanceof FundingCreated created && fundee.awaits(created.temporaryChannelId())) {
            LightningMessage answer = fundee.onFundingCreated(created);
            if (answer instanceof FundingSigned) {
                hooks.storage().channelWith(peer.remoteKeyHex());
            }
            ctx.writeAndFlush(answer);
        } else if (!(m instanceof UnknownMessage) && ChannelMessages.defines(m.type())) {
            // a BOLT 2 message the codec decodes: still one for a channel this node cannot have
            onChannelMessage(ChannelMessages.raw(m), m);
            return;
        } else if (m instanceof UnknownMessage unknown) {
            if (ChannelMessages.defines(unknown.type())) {
                onChannelMessage(unknown, unknown);
                return;
            }
            // BOLT 1 (B1-MSG-09/10): an unknown odd type is ignored, an unknown even one closes
            if (MessageRules.mustClose(unknown)) {
                failWithWarning(Kind.UNKNOWN_EVEN_MESSAGE, "unknown even message type " + unknown.type());
                return;
            }
        }
        if (GossipQueries.handles(m) && onGossipQuery(m)) {
            return;
        }
        if (GossipSync.handles(m)) {
            gossipSync.onReply(m).forEach(ctx::write);
            ctx.flush();
        }
        // error and warning: BOLT 1 (B1-ERR-12/16) asks to fail the channel named; we have none
        peer.deliver(m);
    }

    /** BOLT 7 gossip queries, answered by {@link GossipQueries}. True if an override took the message. */
    private boolean onGossipQuery(LightningMessage m) {
        if (react(gossipQueries.admit(m), m, () -> { })) {
            return true;
        }
        Object answer = gossipQueries.answer(m);
        if (answer instanceof Reaction r) {
            return react(r, m, () -> { });
        }
        ((List<?>) answer).forEach(ctx::write);
        ctx.flush();
        return false;
    }

    /**
     * A BOLT 2 message for a channel we cannot have: answered with an error naming the channel it
     * names (B1-ERR-02/04/06), or, too short to name one, a malformed message (B1-MSG-12).
     */
    private void onChannelMessage(UnknownMessage m, LightningMessage delivered) {
        Optional<ErrorMessage> refusal = ChannelMessages.refusal(m);
        if (refusal.isEmpty()) {
            failWithWarning(Kind.MALFORMED_MESSAGE, "message type " + m.type() + " is too short for its channel_id");
            return;
        }
        Reaction r = tamper.onChannelMessage(m, new Reaction.Reply(refusal.get()));
        if (r instanceof Reaction.Reply reply) {
            ctx.writeAndFlush(reply.message());
        }
        peer.deliver(delivered);
    }

    private void onPing(Ping ping) {
        boolean pipelined = pingInThisRead;
        pingInThisRead = true;
        Reaction r = tamper.onPing(ping, pipelined);
        if (r instanceof Reaction.Reply reply) {
            ctx.writeAndFlush(reply.message());
            return;
        }
        // BOLT 1 (B1-PING-07/08): a pong of num_pong_bytes zeros, unless that is 65532 or more
        react(r, ping, () -> ping.expectedPong().ifPresent(ctx::writeAndFlush));
    }

    /** True if the pong answered one of our own keep-alive pings. */
    private boolean onPong(Pong pong) {
        PendingPings.Answered answered = pendingPings.answer(pong);
        if (answered == PendingPings.Answered.NONE) {
            // a pong nobody asked for: BOLT 1 (B1-PING-09) allows closing; we ignore it
            react(tamper.onUnsolicitedPong(), pong, () -> { });
        }
        return answered == PendingPings.Answered.KEEP_ALIVE;
    }

    /**
     * Carries out an override, or runs {@code conforming} for {@link Reaction#PROCEED}. True if
     * the override took the message (the caller stops there).
     */
    private boolean react(Reaction r, LightningMessage m, Runnable conforming) {
        if (r instanceof Reaction.Proceed) {
            conforming.run();
            return false;
        } else if (r instanceof Reaction.Zombie) {
            zombie = true;
        } else if (r instanceof Reaction.Close c) {
            disconnect(DisconnectReason.of(c.kind(), c.detail()));
        } else if (r instanceof Reaction.WarnAndClose w) {
            failWithWarning(w.kind(), w.detail());
        } else if (r instanceof Reaction.Deliver) {
            peer.deliver(m);
        } else if (!(r instanceof Reaction.Ignore)) {
            throw new IllegalStateException("no reaction " + r + " here");
        }
        return true;
    }

    @Override
    public CompletableFuture<Pong> ping(Ping ping, Duration timeout) {
        CompletableFuture<Pong> f = new CompletableFuture<>();
        ctx.executor().execute(() -> sendPing(ping, timeout, f, false));
        return f;
    }

    /** On the event loop: sends the ping and, if it asks for a pong, waits for it in order. */
    private void sendPing(Ping ping, Duration timeout, CompletableFuture<Pong> f, boolean internal) {
        if (state != State.RUNNING) {
            f.completeExceptionally(new IllegalStateException("connection not running"));
            return;
        }
        if (!ping.expectsPong()) {
            ctx.writeAndFlush(ping);
            f.complete(null);
            return;
        }
        pendingPings.add(ping.numPongBytes(), f, timeout, ctx.executor(), internal);
        ctx.writeAndFlush(ping);
    }

    /** On the event loop: one keep-alive ping; no pong within the bound closes the connection. */
    private void keepAlive() {
        if (state != State.RUNNING || zombie) {
            return;
        }
        CompletableFuture<Pong> f = new CompletableFuture<>();
        f.whenComplete((pong, err) -> {
            if (err != null && state == State.RUNNING) {
                disconnect(DisconnectReason.of(Kind.PONG_TIMEOUT, err.getMessage()));
            }
        });
        // B1-PING-01: the ignored bytes are zeros
        sendPing(tamper.keepAlivePing(Ping.of(0, 0)), config.pongTimeout(), f, true);
    }

    private void failWithWarning(Kind kind, String detail) {
        if (state == State.CLOSED) {
            return;
        }
        String text = detail.length() > 200 ? detail.substring(0, 200) : detail;
        reason = DisconnectReason.of(kind, detail);
        state = State.CLOSED;
        ctx.writeAndFlush(Warning.allChannels(text)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void disconnect(DisconnectReason r) {
        if (ctx == null) {
            return;
        }
        // From the moment the decision is taken (possibly on another connection's thread), nothing
        // more is processed on this connection, even bytes its event loop reads before the close runs.
        closing = true;
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> disconnect(r));
            return;
        }
        if (reason == null || state != State.CLOSED) {
            reason = reason == null ? r : reason;
            if (r.kind() == Kind.LOCAL_CLOSE || r.kind() == Kind.DUPLICATE_CONNECTION) {
                reason = r;
            }
        }
        state = State.CLOSED;
        ctx.close();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof WriteTimeoutException) {
            disconnect(DisconnectReason.of(Kind.WRITE_TIMEOUT, "a write did not complete in time"));
        } else {
            disconnect(DisconnectReason.of(Kind.IO_ERROR, String.valueOf(cause.getMessage())));
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        state = State.CLOSED;
        cancel(initTimeout);
        cancel(keepAlive);
        pendingPings.failAll();
        DisconnectReason r = reason != null ? reason : DisconnectReason.of(Kind.REMOTE_CLOSED, "peer closed the connection");
        peer.markClosed(r);
        hooks.closed(peer);
        super.channelInactive(ctx);
    }

    private static void cancel(ScheduledFuture<?> f) {
        if (f != null) {
            f.cancel(false);
        }
    }
}
