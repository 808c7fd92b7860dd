package org.lnconform.peer;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import java.util.function.Consumer;
import org.lnconform.noise.Hex;
import org.lnconform.peer.pipeline.Inbound;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;

/**
 * Reports each plaintext message in and out: direction, type name, size and decoded fields; at
 * verbosity 2 also the plaintext in hex. It sits above the message decoder, so it reads what was
 * decoded instead of decoding again, and never sees keys.
 * (The ciphertext is traced by {@link CiphertextTraceHandler} at the head of the pipeline.)
 */
final class WireTraceHandler extends ChannelDuplexHandler {

    private final Consumer<String> sink;
    private final int verbosity;

    WireTraceHandler(Consumer<String> sink, int verbosity) {
        this.sink = sink;
        this.verbosity = verbosity;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Inbound.Decoded d) {
            sink.accept(describe("<-", ctx, d.plaintext(), d.message().toString()));
        } else if (msg instanceof Inbound.Undecodable u) {
            sink.accept(describe("<-", ctx, u.plaintext(), "undecodable: " + u.error().getMessage()));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof LightningMessage m) {
            sink.accept(describe("->", ctx, LightningMessageCodec.encode(m), m.toString()));
        } else if (msg instanceof ByteBuf buf) {
            // raw plaintext, written as it is (e.g. a deliberately malformed message): decoded once, here
            byte[] b = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), b);
            String body;
            try {
                body = LightningMessageCodec.decode(b).toString();
            } catch (WireException e) {
                body = "undecodable: " + e.getMessage();
            }
            sink.accept(describe("->", ctx, b, body));
        }
        ctx.write(msg, promise);
    }

    private String describe(String dir, ChannelHandlerContext ctx, byte[] plaintext, String body) {
        if (body.length() > 300) {
            body = body.substring(0, 300) + "…";
        }
        String line = dir + " " + ctx.channel().remoteAddress() + " " + plaintext.length + " B " + body;
        if (verbosity >= 2) {
            line += "\n   plaintext " + Hex.encode(plaintext, 0, Math.min(plaintext.length, 1024))
                    + (plaintext.length > 1024 ? "…" : "");
        }
        return line;
    }
}
