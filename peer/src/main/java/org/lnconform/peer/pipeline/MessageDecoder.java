package org.lnconform.peer.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.lnconform.wire.WireException;
import org.lnconform.wire.message.LightningMessageCodec;

/**
 * Decodes each transport message's plaintext (a {@link ByteBuf} from the frame decoder) into an
 * {@link Inbound}: the message, or why it did not decode. The counterpart of {@link MessageEncoder};
 * every later handler sees the decoded form, so nothing decodes twice.
 */
public final class MessageDecoder extends MessageToMessageDecoder<ByteBuf> {

    public static final String NAME = "bolt1-message-decoder";

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf msg, List<Object> out) {
        byte[] plaintext = new byte[msg.readableBytes()];
        msg.readBytes(plaintext);
        try {
            out.add(new Inbound.Decoded(plaintext, LightningMessageCodec.decode(plaintext)));
        } catch (WireException e) {
            out.add(new Inbound.Undecodable(plaintext, e));
        }
    }
}
