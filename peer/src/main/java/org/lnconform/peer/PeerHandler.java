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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.peer.pipeline.HandshakeCompleted;
import org.lnconform.peer.pipeline.HandshakeFailed;
import org.lnconform.peer.pipeline.TransportFailed;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureProblem;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureValidation;
import org.lnconform.wire.feature.FeatureValidationResult;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.ErrorMessage;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.InitTlvs;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The BOLT 1 connection lifecycle on top of the transport: our init first, the peer's init within
 * a bound, feature and network checks, then ping/pong, warnings and errors, the odd/even rule for
 * unknown messages, keep-alive, and an orderly close with a typed reason.
 */
final class PeerHandler extends ChannelDuplexHandler {

    /** Told about authentication and the end of a connection (the node keeps one per key). */
    interface Hooks {
        /** Returns false if the connection must be dropped (a duplicate the node resolved against). */
        boolean authenticated(Peer peer);

        void closed(Peer peer);
    }

    private enum State { HANDSHAKE, AWAIT_INIT, RUNNING, CLOSED }

    private record PendingPing(int numPongBytes, CompletableFuture<Pong> result, ScheduledFuture<?> timeout) {}

    private final Peer peer;
    private final PeerConfig config;
    private final FeatureTable table;
    private final Hooks hooks;
    private final Deque<PendingPing> pendingPings = new ArrayDeque<>();
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
        if (state == State.AWAIT_INIT && type == Init.TYPE && lenientInitAllowed(e)) {
            Init lenient = LenientInit.parse(bytes);
            if (lenient != null) {
                onFirstMessage(lenient);
                return;
            }
        }
        if (state == State.RUNNING && type != Init.TYPE && lenientAllowed(e)) {
            return; // a deviation: treat the broken message as if it were fine
        }
        if (state == State.RUNNING && isExtensionError(e) && config.deviates(Deviation.ZOMBIE_ON_INVALID_EXTENSION)) {
            zombie = true;
            return;
        }
        failWithWarning(Kind.MALFORMED_MESSAGE, "message type " + type + ": " + e.getMessage());
    }

    private boolean lenientInitAllowed(WireException e) {
        return switch (e.kind()) {
            case TLV_OUT_OF_ORDER, TLV_DUPLICATE, BIGSIZE_NOT_MINIMAL, SHORT_READ ->
                    config.deviates(Deviation.ACCEPT_INVALID_TLV_STREAM);
            case TLV_UNKNOWN_EVEN -> config.deviates(Deviation.ACCEPT_UNKNOWN_EVEN_TLV);
            case TLV_BAD_VALUE_LENGTH, BAD_FIELD_VALUE, TLV_LENGTH_EXCEEDS -> config.deviates(Deviation.ACCEPT_BAD_TLV_LENGTH)
                    || config.deviates(Deviation.ACCEPT_INVALID_TLV_STREAM);
            default -> false;
        };
    }

    private boolean lenientAllowed(WireException e) {
        return switch (e.kind()) {
            case SHORT_READ -> config.deviates(Deviation.ACCEPT_SHORT_MESSAGE) && !isExtensionError(e);
            default -> false;
        };
    }

    /** The message's own fields decoded, but its extension TLV stream (field names {@code *_tlvs.*}) did not. */
    private static boolean isExtensionError(WireException e) {
        return e.field() != null && e.field().contains("_tlvs");
    }

    private void onFirstMessage(LightningMessage m) {
        if (!(m instanceof Init init)) {
            if (m instanceof Ping ping && config.deviates(Deviation.ANSWER_PING_BEFORE_INIT)) {
                onPing(ping); // and keep waiting for init
                return;
            }
            failWithWarning(Kind.NON_INIT_FIRST, "first message was type " + m.type() + ", not init");
            return;
        }
        if (!init.tlvs().unknown(InitTlvs.NAMESPACE).isEmpty() && config.deviates(Deviation.CLOSE_ON_UNKNOWN_ODD_TLV)) {
            disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "unknown odd TLV in init (deviation)"));
            return;
        }
        if (init.remoteAddr().isPresent() && config.deviates(Deviation.CLOSE_ON_REMOTE_ADDR)) {
            disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "init carried remote_addr (deviation)"));
            return;
        }
        if (init.remoteAddr().isPresent() && !LenientInit.remoteAddrKnown(init) && config.deviates(Deviation.ZOMBIE_ON_MALFORMED_REMOTE_ADDR)) {
            zombie = true;
            return;
        }
        FeatureVector global = config.deviates(Deviation.IGNORE_GLOBALFEATURES)
                ? FeatureVector.empty() : init.globalFeatureVector();
        FeatureValidationResult result = FeatureValidation.validateInit(global, init.featureVector(), table);
        for (FeatureProblem p : result.problems()) {
            switch (p.kind()) {
                case UNKNOWN_EVEN_BIT -> {
                    if (!config.deviates(Deviation.ACCEPT_UNKNOWN_EVEN_FEATURES)) {
                        failWithWarning(Kind.UNKNOWN_REQUIRED_FEATURE, p.toString());
                        return;
                    }
                }
                case MISSING_DEPENDENCY -> {
                    if (!config.deviates(Deviation.ACCEPT_MISSING_DEPENDENCIES)) {
                        failWithWarning(Kind.MISSING_FEATURE_DEPENDENCY, p.toString());
                        return;
                    }
                }
                case UNKNOWN_ODD_BIT -> {
                    if (config.deviates(Deviation.CLOSE_ON_UNKNOWN_ODD_FEATURES)) {
                        disconnect(DisconnectReason.of(Kind.UNKNOWN_REQUIRED_FEATURE, p + " (deviation)"));
                        return;
                    }
                }
                default -> { }
            }
        }
        if (config.deviates(Deviation.NETWORKS_CHECK_FIRST_ONLY) && !LenientInit.firstChainShared(init, config.networks())) {
            zombie = true;
            return;
        }
        if (config.deviates(Deviation.NETWORKS_BYTE_ORDER_REVERSED) && !LenientInit.reversedChainShared(init, config.networks())) {
            failWithWarning(Kind.NO_COMMON_NETWORK, "networks has no chain in common with ours (read byte-reversed)");
            return;
        }
        if (!networksShared(init)) {
            if (config.deviates(Deviation.ZOMBIE_ON_FOREIGN_NETWORKS)) {
                zombie = true;
                return;
            }
            if (config.closeOnForeignNetworks()) {
                failWithWarning(Kind.NO_COMMON_NETWORK, "networks has no chain in common with ours");
                return;
            }
        }
        cancel(initTimeout);
        state = State.RUNNING;
        peer.initReceived(init);
        peer.markReady();
        if (!config.pingInterval().isZero()) {
            long ms = config.pingInterval().toMillis();
            keepAlive = ctx.executor().scheduleAtFixedRate(this::keepAlive, ms, ms, TimeUnit.MILLISECONDS);
        }
    }

    private boolean networksShared(Init init) {
        List<Bytes> theirs;
        try {
            theirs = init.networks().orElse(null);
        } catch (WireException e) {
            return false;
        }
        if (theirs == null || config.networks().isEmpty()) {
            return true; // no networks TLV: nothing to compare
        }
        return theirs.stream().anyMatch(config.networks()::contains);
    }

    private static boolean printable(Bytes data) {
        for (int i = 0; i < data.size(); i++) {
            int c = data.getUnsigned(i);
            if (c < 32 || c > 126) {
                return false;
            }
        }
        return true;
    }

    private void onMessage(LightningMessage m) {
        if (config.deviates(Deviation.CLOSE_ON_VALID_EXTENSION) && hasExtension(m)) {
            disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "message had an extension (deviation)"));
            return;
        }
        if (m instanceof Ping ping) {
            onPing(ping);
        } else if (m instanceof Pong pong) {
            onPong(pong);
        } else if (m instanceof ErrorMessage error) {
            if (config.deviates(Deviation.ZOMBIE_AFTER_ERROR)
                    || (!printable(error.data()) && config.deviates(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA))) {
                zombie = true;
                return;
            }
            if (!error.isAllChannels() && config.deviates(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_ERROR)) {
                disconnect(DisconnectReason.of(Kind.RECEIVED_ERROR, "error for an unknown channel (deviation)"));
                return;
            }
            // BOLT 1 (B1-ERR-12/16): we have no channels, so there is nothing to fail.
        } else if (m instanceof Warning warning) {
            if (config.deviates(Deviation.ZOMBIE_AFTER_WARNING)
                    || (!printable(warning.data()) && config.deviates(Deviation.ZOMBIE_ON_NON_PRINTABLE_DATA))) {
                zombie = true;
                return;
            }
            if (!warning.isAllChannels() && config.deviates(Deviation.CLOSE_ON_UNKNOWN_CHANNEL_WARNING)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "warning for an unknown channel (deviation)"));
                return;
            }
        } else if (m instanceof Init) {
            if (config.deviates(Deviation.ZOMBIE_ON_SECOND_INIT)) {
                zombie = true;
                return;
            }
        } else if (m instanceof UnknownMessage unknown) {
            if (unknown.isEven() && !config.deviates(Deviation.IGNORE_UNKNOWN_EVEN_MESSAGE)) {
                failWithWarning(Kind.UNKNOWN_EVEN_MESSAGE, "unknown even message type " + unknown.type());
                return;
            }
            if (!unknown.isEven() && config.deviates(Deviation.CLOSE_ON_UNKNOWN_ODD_MESSAGE)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "unknown odd type (deviation)"));
                return;
            }
        }
        peer.deliver(m);
    }

    private static boolean hasExtension(LightningMessage m) {
        if (m instanceof Ping p) {
            return !p.tlvs().isEmpty();
        }
        if (m instanceof Pong p) {
            return !p.tlvs().isEmpty();
        }
        if (m instanceof ErrorMessage e) {
            return !e.tlvs().isEmpty();
        }
        if (m instanceof Warning w) {
            return !w.tlvs().isEmpty();
        }
        return false;
    }

    private void onPing(Ping ping) {
        boolean pipelined = pingInThisRead;
        pingInThisRead = true;
        int n = ping.numPongBytes();
        if (pipelined && config.deviates(Deviation.DROP_SECOND_PIPELINED_PING)) {
            return;
        }
        if (n >= 65532) {
            // BOLT 1 (B1-PING-08): such pings must be ignored.
            if (config.deviates(Deviation.CLOSE_ON_OVERSIZE_PING)) {
                disconnect(DisconnectReason.of(Kind.MALFORMED_MESSAGE, "oversize ping (deviation)"));
            } else if (config.deviates(Deviation.ANSWER_OVERSIZE_PING)) {
                ctx.writeAndFlush(new Pong(Bytes.zeros(65531)));
            }
            return;
        }
        if (n > 60000 && config.deviates(Deviation.IGNORE_LARGE_PINGS)) {
            return;
        }
        int len = config.deviates(Deviation.PONG_LENGTH_OFF_BY_ONE) ? n + 1 : n;
        Bytes ignored = Bytes.zeros(len);
        if (config.deviates(Deviation.PONG_NONZERO_BYTES)) {
            byte[] b = new byte[len];
            java.util.Arrays.fill(b, (byte) 0xaa);
            ignored = Bytes.of(b);
        }
        ctx.writeAndFlush(new Pong(ignored));
    }

    private void onPong(Pong pong) {
        PendingPing head = pendingPings.peekFirst();
        if (head != null && head.numPongBytes() == pong.byteslen()) {
            pendingPings.pollFirst();
            cancel(head.timeout());
            head.result().complete(pong);
        } else if (config.deviates(Deviation.ZOMBIE_ON_UNSOLICITED_PONG)) {
            // a pong nobody asked for: BOLT 1 (B1-PING-09) allows closing; we ignore it unless deviating
            zombie = true;
        }
    }

    CompletableFuture<Pong> ping(Ping ping, Duration timeout) {
        CompletableFuture<Pong> f = new CompletableFuture<>();
        ctx.executor().execute(() -> {
            if (state != State.RUNNING) {
                f.completeExceptionally(new IllegalStateException("connection not running"));
                return;
            }
            if (!ping.expectsPong()) {
                ctx.writeAndFlush(ping);
                f.complete(null);
                return;
            }
            ScheduledFuture<?> t = ctx.executor().schedule(() -> {
                pendingPings.removeIf(p -> p.result() == f);
                f.completeExceptionally(new TimeoutException("no pong within " + timeout.toMillis() + " ms"));
            }, timeout.toMillis(), TimeUnit.MILLISECONDS);
            pendingPings.addLast(new PendingPing(ping.numPongBytes(), f, t));
            ctx.writeAndFlush(ping);
        });
        return f;
    }

    private void keepAlive() {
        if (state != State.RUNNING || zombie) {
            return;
        }
        ping(Ping.of(0, 0), config.pongTimeout()).whenComplete((pong, err) -> {
            if (err != null && state == State.RUNNING) {
                disconnect(DisconnectReason.of(Kind.PONG_TIMEOUT, err.getMessage()));
            }
        });
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
        for (PendingPing p : pendingPings) {
            cancel(p.timeout());
            p.result().completeExceptionally(new IllegalStateException("connection closed"));
        }
        pendingPings.clear();
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
