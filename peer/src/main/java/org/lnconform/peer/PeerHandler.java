package org.lnconform.peer;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.WriteTimeoutException;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.peer.pipeline.HandshakeCompleted;
import org.lnconform.peer.pipeline.HandshakeFailed;
import org.lnconform.peer.pipeline.TransportFailed;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
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
 * keep-alive, and an orderly close with a typed reason. Deviations are asked through {@link Deviations}.
 */
final class PeerHandler extends ChannelDuplexHandler {

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
    private final FeatureTable table;
    private final Hooks hooks;
    private final InitPolicy initPolicy;
    private final Deviations deviations;
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

    PeerHandler(Peer peer, PeerConfig config, FeatureTable table, Hooks hooks) {
        this.peer = peer;
        this.config = config;
        this.table = table;
        this.hooks = hooks;
        this.initPolicy = new InitPolicy(config, table);
        this.deviations = new Deviations(config);
        this.gossipQueries = new GossipQueries(config);
        this.gossipSync = new GossipSync(config);
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
            if (config.deviates(Deviation.TRANSPORT_KEEP_OPEN_ON_BAD_TAG)) {
                zombie = true;
            } else {
                disconnect(DisconnectReason.of(Kind.TRANSPORT_FAILED, failed.detail()));
            }
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
        if (config.deviates(Deviation.PING_BEFORE_INIT)) {
            ctx.writeAndFlush(Ping.of(0, 0));
        }
        if (!config.deviates(Deviation.NO_INIT)) {
            InetSocketAddress remote = (InetSocketAddress) ctx.channel().remoteAddress();
            byte[] init = OwnInit.build(config, table, remote, !peer.initiator());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(init));
        }
        if (config.deviates(Deviation.PING_BEFORE_REMOTE_INIT)) {
            ctx.writeAndFlush(Ping.of(0, 0));
        }
        initTimeout = ctx.executor().schedule(() -> disconnect(DisconnectReason.of(Kind.INIT_TIMEOUT,
                "no init within " + config.initTimeout().toMillis() + " ms")),
                config.initTimeout().toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof ByteBuf buf)) {
            ctx.fireChannelRead(msg);
            return;
        }
        if (closing) {
            buf.release();
            return;
        }
        byte[] bytes;
        try {
            bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
        } finally {
            buf.release();
        }
        received++;
        if (config.deviates(Deviation.DROP_LARGE_MESSAGES) && bytes.length > 32 * 1024) {
            return;
        }
        if (config.deviates(Deviation.STALL_AFTER_500_MESSAGES) && received > 500) {
            zombie = true;
        }
        if (zombie || state == State.CLOSED) {
            return;
        }
        LightningMessage m;
        try {
            m = LightningMessageCodec.decode(bytes);
        } catch (WireException e) {
            onUndecodable(bytes, e);
            return;
        }
        if (state == State.AWAIT_INIT) {
            onFirstMessage(m);
        } else if (state == State.RUNNING) {
            onMessage(m);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        pingInThisRead = false;
        ctx.fireChannelReadComplete();
    }

    private void onUndecodable(byte[] bytes, WireException e) {
        int type = bytes.length >= 2 ? ((bytes[0] & 0xff) << 8) | (bytes[1] & 0xff) : -1;
        if (state == State.AWAIT_INIT && type == Init.TYPE && e.field() != null && e.field().contains("init_tlvs")
                && deviations.on(Deviation.ZOMBIE_ON_INVALID_INIT_TLVS)) {
            zombie = true;
            return;
        }
        if (state == State.AWAIT_INIT && type == Init.TYPE && initPolicy.lenientlyReadable(e)) {
            Init lenient = LenientInit.parse(bytes);
            if (lenient != null) {
                onFirstMessage(lenient);
                return;
            }
        }
        if (state == State.RUNNING && type != Init.TYPE && deviations.acceptsBroken(e)) {
            return; // a deviation: treat the broken message as if it were fine
        }
        if (state == State.RUNNING && deviations.zombieOnInvalidExtension(e)) {
            zombie = true;
            return;
        }
        failWithWarning(Kind.MALFORMED_MESSAGE, "message type " + type + ": " + e.getMessage());
    }

    private void onFirstMessage(LightningMessage m) {
        if (!(m instanceof Init init)) {
            if (m instanceof Ping ping && deviations.on(Deviation.ANSWER_PING_BEFORE_INIT)) {
                onPing(ping); // and keep waiting for init
                return;
            }
            failWithWarning(Kind.NON_INIT_FIRST, "first message was type " + m.type() + ", not init");
            return;
        }
        InitPolicy.Decision d = initPolicy.judge(init);
        switch (d.action()) {
            case WARN_AND_CLOSE -> failWithWarning(d.kind(), d.detail());
            case CLOSE -> disconnect(DisconnectReason.of(d.kind(), d.detail()));
            case ZOMBIE -> zombie = true;
            case ACCEPT -> onRunning(init);
            default -> throw new IllegalStateException(String.valueOf(d.action()));
        }
    }

    /** Both inits exchanged: the connection runs. */
    private void onRunning(Init init) {
        cancel(initTimeout);
        state = State.RUNNING;
        peer.initReceived(init);
        peer.markReady();
        if (config.providesStorage()) {
            hooks.storage().toReturn(peer.remoteKeyHex(), deviations).ifPresent(ctx::write);
        }
        deviations.unpromptedAfterInit().forEach(ctx::write);
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
        if (deviations.closesOnExtension(m)) {
            disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "message had an extension (deviation)"));
            return;
        }
        if (m instanceof Ping ping) {
            onPing(ping);
            return; // answered here; nothing for the application
        } else if (m instanceof Pong pong) {
            if (onPong(pong)) {
                return; // the answer to our own keep-alive
            }
        } else if (m instanceof ErrorMessage error) {
            if (deviations.zombieAfterError(error)) {
                zombie = true;
                return;
            }
            if (!error.isAllChannels() && deviations.on(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_ERROR)) {
                disconnect(DisconnectReason.of(Kind.RECEIVED_ERROR, "error for an unknown channel (deviation)"));
                return;
            }
            // BOLT 1 (B1-ERR-12/16): we have no channels, so there is nothing to fail.
        } else if (m instanceof Warning warning) {
            if (deviations.zombieAfterWarning(warning)) {
                zombie = true;
                return;
            }
            if (!warning.isAllChannels() && deviations.on(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_WARNING)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "warning for an unknown channel (deviation)"));
                return;
            }
        } else if (m instanceof Init) {
            if (deviations.on(Deviation.ZOMBIE_ON_SECOND_INIT)) {
                zombie = true;
                return;
            }
        } else if (m instanceof PeerStorage storage && config.providesStorage()) {
            hooks.storage().received(peer.remoteKeyHex(), storage.blob(), deviations);
        } else if (m instanceof UnknownMessage unknown) {
            if (ChannelMessages.defines(unknown.type())) {
                if (!onChannelMessage(unknown)) {
                    return;
                }
            } else if (MessageRules.mustClose(unknown) && !deviations.on(Deviation.IGNORE_UNKNOWN_EVEN_MESSAGE)) {
                failWithWarning(Kind.UNKNOWN_EVEN_MESSAGE, "unknown even message type " + unknown.type());
                return;
            } else if (MessageRules.mustIgnore(unknown) && deviations.on(Deviation.CLOSE_ON_UNKNOWN_ODD_MESSAGE)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "unknown odd type (deviation)"));
                return;
            }
        }
        if (GossipQueries.handles(m) && !onGossipQuery(gossipQueries.answer(m))) {
            return;
        }
        if (GossipSync.handles(m)) {
            gossipSync.onReply(m).forEach(ctx::write);
            ctx.flush();
        }
        peer.deliver(m);
    }

    /** BOLT 7 gossip queries, answered by {@link GossipQueries}. False if the connection stops processing. */
    private boolean onGossipQuery(GossipAnswer a) {
        a.send().forEach(ctx::write);
        ctx.flush();
        switch (a.then()) {
            case ZOMBIE -> zombie = true;
            case CLOSE -> failWithWarning(Kind.MALFORMED_MESSAGE, a.detail());
            default -> {
                return true;
            }
        }
        return false;
    }

    /**
     * A BOLT 2 message for a channel we cannot have: answered with an error naming the channel it
     * names. False if it was too short to name one, and the connection is closing (B1-MSG-12).
     */
    private boolean onChannelMessage(UnknownMessage m) {
        ChannelMessages.Answer a = ChannelMessages.answer(m, deviations);
        if (a instanceof ChannelMessages.Answer.TooShort) {
            failWithWarning(Kind.MALFORMED_MESSAGE, "message type " + m.type() + " is too short for its channel_id");
            return false;
        }
        if (a instanceof ChannelMessages.Answer.Refuse refuse) {
            ctx.writeAndFlush(refuse.error());
        }
        return true;
    }

    private void onPing(Ping ping) {
        boolean pipelined = pingInThisRead;
        pingInThisRead = true;
        int n = ping.numPongBytes();
        if (pipelined && deviations.on(Deviation.DROP_SECOND_PIPELINED_PING)) {
            return;
        }
        if (n >= 65532) {
            // BOLT 1 (B1-PING-08): such pings must be ignored.
            if (deviations.on(Deviation.CLOSE_ON_OVERSIZE_PING)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "oversize ping (deviation)"));
            } else if (deviations.on(Deviation.ANSWER_OVERSIZE_PING)) {
                ctx.writeAndFlush(new Pong(Bytes.zeros(65531)));
            }
            return;
        }
        if (n > 60000 && deviations.on(Deviation.IGNORE_LARGE_PINGS)) {
            return;
        }
        ctx.writeAndFlush(deviations.pongFor(ping));
    }

    /** True if the pong answered one of our own keep-alive pings. */
    private boolean onPong(Pong pong) {
        PendingPings.Answered answered = pendingPings.answer(pong);
        if (answered == PendingPings.Answered.NONE && deviations.on(Deviation.ZOMBIE_ON_UNSOLICITED_PONG)) {
            // a pong nobody asked for: BOLT 1 (B1-PING-09) allows closing; we ignore it unless deviating
            zombie = true;
        }
        return answered == PendingPings.Answered.KEEP_ALIVE;
    }

    CompletableFuture<Pong> ping(Ping ping, Duration timeout) {
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
        sendPing(deviations.keepAlivePing(), config.pongTimeout(), f, true);
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

    /** Closes with a reason (first reason wins). Safe from any thread. */
    void disconnect(DisconnectReason r) {
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
