package org.lnconform.peer.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToByteEncoder;
import java.util.function.LongPredicate;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportException;

/**
 * BOLT 8 sending side: encrypts each plaintext message (a {@link ByteBuf}) straight into a pooled
 * heap buffer as length header + tag, body + tag. Runs on the channel's event loop, so messages
 * leave in the order they were written.
 */
public final class FrameEncoder extends MessageToByteEncoder<ByteBuf> {

    public static final String NAME = "bolt8-frame-encoder";

    private final TransportEncryptor encryptor;
    private final LongPredicate garble;
    private long sent;

    /** {@code garble} names messages (by index, from 0) sent with a broken MAC: a deviation switch, never on by default. */
    public FrameEncoder(TransportEncryptor encryptor, LongPredicate garble) {
        super(ByteBuf.class, false);
        this.encryptor = encryptor;
        this.garble = garble;
    }

    @Override
    protected ByteBuf allocateBuffer(ChannelHandlerContext ctx, ByteBuf msg, boolean preferDirect) {
        return ctx.alloc().heapBuffer(TransportEncryptor.frameLength(msg.readableBytes()));
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, ByteBuf msg, ByteBuf out) {
        int len = msg.readableBytes();
        byte[] src;
        int srcOff;
        if (msg.hasArray()) {
            src = msg.array();
            srcOff = msg.arrayOffset() + msg.readerIndex();
        } else {
            src = new byte[len];
            msg.getBytes(msg.readerIndex(), src);
            srcOff = 0;
        }
        out.ensureWritable(TransportEncryptor.frameLength(len));
        try {
            int n = encryptor.encrypt(src, srcOff, len, out.array(), out.arrayOffset() + out.writerIndex());
            if (garble.test(sent++)) {
                int lastMacByte = out.arrayOffset() + out.writerIndex() + n - 1;
                out.array()[lastMacByte] ^= 0x01;
            }
            out.writerIndex(out.writerIndex() + n);
            msg.skipBytes(len);
        } catch (TransportException e) {
            throw new EncoderException(e);
        }
    }
}
