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

        /** True to send this side's message number {@code index} (from 0) with a broken MAC. */
        default boolean garblesSentMessage(long index) {
            return false;
        }

        Tamper NONE = new Tamper() {};
    }

    /** Where the handshake stands: one value, replaced as each act goes by. */
    private sealed interface Stage {
        /** Initiator, before the connection is up. */
        record Start(InitiatorStart state) implements Stage {}

        /** Responder, waiting for Act One. */
        record ActOne(AwaitingActOne state) implements Stage {}

        /** Initiator, Act One sent, waiting for Act Two. */
        record ActTwo(AwaitingActTwo state) implements Stage {}

        /** Responder, Act Two sent, waiting for Act Three. */
        record ActThree(AwaitingActThree state) implements Stage {}

        /** An act was rejected or did not come in time: every later byte is dropped. */
        record Failed() implements Stage {}

        /** The session is installed and this handler is leaving the pipeline. */
        record Done() implements Stage {}
    }

    private final Duration actTimeout;
    private final Tamper tamper;
    private Stage stage;
    private ScheduledFuture<?> timeout;

    private HandshakeHandler(Stage first, Duration actTimeout, Tamper tamper) {
        this.stage = first;
        this.actTimeout = actTimeout;
        this.tamper = tamper;
    }

    /** Handler for the side that dialled: it sends Act One when the channel becomes active. */
    public static HandshakeHandler initiator(InitiatorStart start, Duration actTimeout, Tamper tamper) {
        return new HandshakeHandler(new Stage.Start(start), actTimeout, tamper);
    }

    /** Handler for the side that accepted: it waits for Act One. */
    public static HandshakeHandler responder(AwaitingActOne start, Duration actTimeout, Tamper tamper) {
        return new HandshakeHandler(new Stage.ActOne(start), actTimeout, tamper);
    }

    /** The act this side waits for: 1, 2 or 3; 0 before the start and once it is over. */
    private int awaitedAct() {
        if (stage instanceof Stage.ActOne) {
            return 1;
        } else if (stage instanceof Stage.ActTwo) {
            return 2;
        } else if (stage instanceof Stage.ActThree) {
            return 3;
        }
        return 0;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        if (stage instanceof Stage.Start start) {
            InitiatorStart.ActOne one = start.state().actOne();
            stage = new Stage.ActTwo(one.next());
            ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(1, one.bytes())));
        }
        arm(ctx);
        super.channelActive(ctx);
    }

    /** Bounds the wait for the act now awaited. */
    private void arm(ChannelHandlerContext ctx) {
        cancelTimeout();
        int expectedAct = awaitedAct();
        timeout = ctx.executor().schedule(() -> {
            if (awaitedAct() == expectedAct) {
                stage = new Stage.Failed();
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
        if (stage instanceof Stage.Failed || stage instanceof Stage.Done) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            if (stage instanceof Stage.ActOne s && in.readableBytes() >= Handshake.ACT_ONE_LENGTH) {
                byte[] actOne = tamper.incomingAct(1, read(in, Handshake.ACT_ONE_LENGTH));
                if (actOne == null) {
                    in.skipBytes(in.readableBytes());
                    return;
                }
                AwaitingActOne.ActTwo two = s.state().readActOne(actOne);
                stage = new Stage.ActThree(two.next());
                ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(2, two.bytes())));
                arm(ctx);
            }
            if (stage instanceof Stage.ActThree s && in.readableBytes() >= Handshake.ACT_THREE_LENGTH) {
                byte[] actThree = tamper.incomingAct(3, read(in, Handshake.ACT_THREE_LENGTH));
                complete(ctx, s.state().readActThree(actThree));
            } else if (stage instanceof Stage.ActTwo s && in.readableBytes() >= Handshake.ACT_TWO_LENGTH) {
                byte[] actTwo = tamper.incomingAct(2, read(in, Handshake.ACT_TWO_LENGTH));
                AwaitingActTwo.ActThree three = s.state().readActTwo(actTwo);
                ctx.writeAndFlush(Unpooled.wrappedBuffer(tamper.outgoingAct(3, three.bytes())));
                complete(ctx, three.session());
            }
        } catch (HandshakeException e) {
            stage = new Stage.Failed();
            cancelTimeout();
            tamper.finished();
            ctx.fireUserEventTriggered(new HandshakeFailed(e.getMessage(), false, e.error().act()));
            if (!tamper.keepOpenOnFailure(e)) {
                ctx.close();
            }
        }
    }

    private void complete(ChannelHandlerContext ctx, Session session) {
        stage = new Stage.Done();
        cancelTimeout();
        tamper.finished();
        String name = ctx.name();
        ctx.pipeline().addAfter(name, FrameEncoder.NAME, new FrameEncoder(session.encryptor(), tamper::garblesSentMessage));
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
        int act = awaitedAct();
        if (act != 0) {
            stage = new Stage.Failed();
            ctx.fireUserEventTriggered(new HandshakeFailed("connection closed during act " + act, false, act));
        }
        super.channelInactive(ctx);
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        cancelTimeout();
    }
}
