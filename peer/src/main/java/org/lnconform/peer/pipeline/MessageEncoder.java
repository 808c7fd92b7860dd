package org.lnconform.peer.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;

/** Encodes a {@link LightningMessage} (type + payload) into a pooled buffer for the frame encoder. */
public final class MessageEncoder extends MessageToMessageEncoder<LightningMessage> {

    public static final String NAME = "bolt1-message-encoder";

    @Override
    protected void encode(ChannelHandlerContext ctx, LightningMessage msg, List<Object> out) {
        byte[] bytes = LightningMessageCodec.encode(msg);
        ByteBuf buf = ctx.alloc().heapBuffer(bytes.length, bytes.length);
        buf.writeBytes(bytes);
        out.add(buf);
    }
}
