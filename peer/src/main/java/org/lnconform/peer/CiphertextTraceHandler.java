package org.lnconform.peer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.function.Consumer;
import org.lnconform.noise.Hex;

/** At the head of the pipeline: the raw bytes on the socket (acts and ciphertext) in hex, for -vv traces. */
final class CiphertextTraceHandler extends ChannelDuplexHandler {

    private static final int MAX = 512;
    private final Consumer<String> sink;

    CiphertextTraceHandler(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf) {
            sink.accept("<= " + ctx.channel().remoteAddress() + " " + buf.readableBytes() + " B on the wire "
                    + hex(buf));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof ByteBuf buf) {
            sink.accept("=> " + ctx.channel().remoteAddress() + " " + buf.readableBytes() + " B on the wire "
                    + hex(buf));
        }
        ctx.write(msg, promise);
    }

    private static String hex(ByteBuf buf) {
        int n = Math.min(buf.readableBytes(), MAX);
        byte[] b = new byte[n];
        buf.getBytes(buf.readerIndex(), b);
        return Hex.encode(b) + (buf.readableBytes() > MAX ? "…" : "");
    }
}
