package org.lnconform.peer.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.AwaitingActThree;
import org.lnconform.noise.AwaitingActTwo;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.Session;

/**
 * Runs BOLT 8's three acts on a fresh connection, then installs the transport (frame decoder and
 * encoder) behind itself and removes itself; bytes that arrived behind the last act are passed on
 * to the frame decoder. Each act must arrive within {@code actTimeout}. One instance per channel.
 */
public final class HandshakeHandler extends ByteToMessageDecoder {

    /** Overrides of BOLT 8 behaviour; every default follows the spec. */
    public interface Tamper {
        /** Called on a rejected act; true keeps the connection open (BOLT 8 closes). */
        default boolean keepOpenOnFailure(HandshakeException e) {
            return false;
        }

        /** May rewrite the act this side sends (act number 1, 2 or 3). */
        default byte[] outgoingAct(int act, byte[] bytes) {
            return bytes;
        }

        /**
         * May rewrite a received act before it is checked (e.g. to ignore a bad version byte);
         * returning null leaves the act unprocessed, stalling this handshake.
         */
        default byte[] incomingAct(int act, byte[] bytes) {
            return bytes;
        }

        /** Called once when this handshake ends, however it ends. */
        default void finished() {}

        Tamper NONE = new Tamper() {};
    }

    private final Duration actTimeout;
    private final Tamper tamper;
    private InitiatorStart initiatorStart;
    private AwaitingActTwo awaitingActTwo;
    private AwaitingActOne awaitingActOne;
    private AwaitingActThree awaitingActThree;
    private ScheduledFuture<?> timeout;
    private boolean failed;
    private int act;

    private HandshakeHandler(Duration actTimeout, Tamper tamper) {
        this.actTimeout = actTimeout;
        this.tamper = tamper;
    }

    /** Handler for the side that dialled: it sends Act One when the channel becomes active. */
    public static HandshakeHandler initiator(InitiatorStart start, Duration actTimeout, Tamper tamper) {
        HandshakeHandler h = new HandshakeHandler(actTimeout, tamper);
        h.initiatorStart = start;
        return h;
    }

    /** Handler for the side that accepted: it waits for Act One. */
    public static HandshakeHandler responder(AwaitingActOne start, Duration actTimeout, Tamper tamper) {
        HandshakeHandler h = new HandshakeHandler(actTimeout, tamper);
        h.awaitingActOne = start;
        return h;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (initiatorStart != null) {
            InitiatorStart.ActOne one = initiatorStart.actOne();
            awaitingActTwo = one.next();
            initiatorStart = null;
            ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(1, one.bytes())));
            arm(ctx, 2);
        } else {
            arm(ctx, 1);
        }
        super.channelActive(ctx);
    }

    private void arm(ChannelHandlerContext ctx, int expectedAct) {
        act = expectedAct;
        cancelTimeout();
        timeout = ctx.executor().schedule(() -> {
            if (!failed) {
                failed = true;
                tamper.finished();
                ctx.fireUserEventTriggered(new HandshakeFailed(
                        "Act " + expectedAct + " did not arrive within " + actTimeout.toMillis() + " ms", true, expectedAct));
                ctx.close();
            }
        }, actTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cancelTimeout() {
        if (timeout != null) {
            timeout.cancel(false);
            timeout = null;
        }
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (awaitingActOne != null && in.readableBytes() >= Handshake.ACT_ONE_LENGTH) {
                byte[] actOne = tamper.incomingAct(1, read(in, Handshake.ACT_ONE_LENGTH));
                if (actOne == null) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                AwaitingActOne.ActTwo two = awaitingActOne.readActOne(actOne);
                awaitingActOne = null;
                awaitingActThree = two.next();
                ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(2, two.bytes())));
                arm(ctx, 3);
            }
            if (awaitingActThree != null && in.readableBytes() >= Handshake.ACT_THREE_LENGTH) {
                byte[] actThree = tamper.incomingAct(3, read(in, Handshake.ACT_THREE_LENGTH));
                Session session = awaitingActThree.readActThree(actThree);
                awaitingActThree = null;
                complete(ctx, session);
            } else if (awaitingActTwo != null && in.readableBytes() >= Handshake.ACT_TWO_LENGTH) {
                byte[] actTwo = tamper.incomingAct(2, read(in, Handshake.ACT_TWO_LENGTH));
                AwaitingActTwo.ActThree three = awaitingActTwo.readActTwo(actTwo);
                awaitingActTwo = null;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(3, three.bytes())));
                complete(ctx, three.session());
            }
        } catch (HandshakeException e) {
            failed = true;
            cancelTimeout();
            tamper.finished();
            ctx.fireUserEventTriggered(new HandshakeFailed(e.getMessage(), false, e.error().act()));
            if (!tamper.keepOpenOnFailure(e)) {
                ctx.close();
            }
        }
    }

    private void complete(ChannelHandlerContext ctx, Session session) {
        cancelTimeout();
        tamper.finished();
        String name = ctx.name();
        ctx.pipeline().addAfter(name, FrameEncoder.NAME, new FrameEncoder(session.encryptor()));
        ctx.pipeline().addAfter(name, FrameDecoder.NAME, new FrameDecoder(session.decryptor()));
        ctx.fireUserEventTriggered(new HandshakeCompleted(session));
        // ByteToMessageDecoder hands any bytes left in its buffer to the next handler on removal.
        ctx.pipeline().remove(this);
    }

    private static byte[] read(ByteBuf in, int n) {
        byte[] b = new byte[n];
        in.readBytes(b);
        return b;
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancelTimeout();
        tamper.finished();
        if (!failed && (awaitingActOne != null || awaitingActTwo != null || awaitingActThree != null)) {
            failed = true;
            ctx.fireUserEventTriggered(new HandshakeFailed("connection closed during act " + act, false, act));
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelTimeout();
    }
}
