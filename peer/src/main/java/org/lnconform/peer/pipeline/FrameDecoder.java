package org.lnconform.peer.pipeline;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;
import org.lnconform.noise.TransportDecryptor;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportException;

/**
 * BOLT 8 receiving side, in two phases: the 18-byte encrypted length, then the body and its tag.
 * Emits each message's plaintext as a heap {@link ByteBuf}. After a failure it stays failed:
 * further bytes are dropped and a {@link TransportFailed} event is fired once.
 */
public final class FrameDecoder extends ByteToMessageDecoder {

    public static final String NAME = "bolt8-frame-decoder";
    private static final int TAG = 16;

    private final TransportDecryptor decryptor;
    private final byte[] header = new byte[TransportEncryptor.HEADER_LENGTH];
    private int bodyLength = -1;
    private boolean failed;

    public FrameDecoder(TransportDecryptor decryptor) {
        this.decryptor = decryptor;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (failed) {
            in.skipBytes(in.readableBytes());
            return;
        }
        try {
            while (true) {
                if (bodyLength < 0) {
                    if (in.readableBytes() < TransportEncryptor.HEADER_LENGTH) {
                        return;
                    }
                    in.readBytes(header);
                    bodyLength = decryptor.decryptLength(header, 0, header.length);
                }
                int need = bodyLength + TAG;
                if (in.readableBytes() < need) {
                    return;
                }
                ByteBuf plain = ctx.alloc().heapBuffer(bodyLength, bodyLength);
                byte[] src;
                int srcOff;
                if (in.hasArray()) {
                    src = in.array();
                    srcOff = in.arrayOffset() + in.readerIndex();
                } else {
                    src = new byte[need];
                    in.getBytes(in.readerIndex(), src);
                    srcOff = 0;
                }
                try {
                    decryptor.decryptBody(src, srcOff, need, plain.array(), plain.arrayOffset());
                } catch (TransportException e) {
                    plain.release();
                    throw e;
                }
                in.skipBytes(need);
                plain.writerIndex(bodyLength);
                bodyLength = -1;
                out.add(plain);
            }
        } catch (TransportException e) {
            failed = true;
            in.skipBytes(in.readableBytes());
            ctx.fireUserEventTriggered(new TransportFailed(e.error(), e.getMessage()));
        }
    }

    /** Bytes of a body still awaited (for diagnostics: a peer that announced more than it sent). */
    public int pendingBodyLength() {
        return bodyLength;
    }
}
