package org.lnconform.peer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.function.Consumer;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;

/**
 * Reports each plaintext message in and out: direction, type name, size and decoded fields.
 * It sits above the transport, so it never sees keys; nothing secret is printed.
 */
final class WireTraceHandler extends ChannelDuplexHandler {

    private final Consumer<String> sink;

    WireTraceHandler(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            byte[] b = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), b);
            sink.accept(describe("<-", ctx, b));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LightningMessage m) {
            sink.accept(describe("->", ctx, LightningMessageCodec.encode(m)));
        } else if (msg instanceof ByteBuf buf) {
            byte[] b = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), b);
            sink.accept(describe("->", ctx, b));
        }
        ctx.write(msg, promise);
    }

    static String describe(String dir, ChannelHandlerContext ctx, byte[] plaintext) {
        String body;
        try {
            LightningMessage m = LightningMessageCodec.decode(plaintext);
            body = m.toString();
        } catch (WireException e) {
            body = "undecodable: " + e.getMessage();
        }
        if (body.length() > 300) {
            body = body.substring(0, 300) + "…";
        }
        return dir + " " + ctx.channel().remoteAddress() + " " + plaintext.length + " B " + body;
    }
}
