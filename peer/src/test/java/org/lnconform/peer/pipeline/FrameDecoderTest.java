package org.lnconform.peer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.TransportEncryptor;
import org.lnconform.noise.TransportError;
import org.lnconform.noise.TransportException;

/** {@link FrameDecoder} alone: BOLT 8 frames split and joined every way, and a failure that sticks. */
class FrameDecoderTest {

    private final SessionPair sessions = SessionPair.create();
    private final Events events = new Events();
    private final EmbeddedChannel ch = new EmbeddedChannel(new FrameDecoder(sessions.responder().decryptor()), events);

    private byte[] frames(TransportEncryptor enc, List<byte[]> messages) throws TransportException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(enc.encrypt(m));
        }
        return out.toByteArray();
    }

    private List<byte[]> received() {
        List<byte[]> out = new ArrayList<>();
        for (ByteBuf b; (b = ch.readInbound()) != null; ) {
            out.add(ByteBufUtil.getBytes(b));
            b.release();
        }
        return out;
    }

    private static List<byte[]> messages(Random r, int n) {
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] m = new byte[2 + r.nextInt(600)];
            r.nextBytes(m);
            out.add(m);
        }
        return out;
    }

    @Test
    void framesCutAnywhereComeOutWholeAndInOrder() throws TransportException {
        Random r = new Random(7);
        List<byte[]> sent = messages(r, 40);
        byte[] wire = frames(sessions.initiator().encryptor(), sent);
        for (int at = 0; at < wire.length; ) {
            int n = Math.min(1 + r.nextInt(40), wire.length - at);
            ch.writeInbound(Unpooled.wrappedBuffer(wire, at, n));
            at += n;
        }
        assertThat(received()).containsExactlyElementsOf(sent);
        assertThat(events.seen).isEmpty();
    }

    @Test
    void framesJoinedInOneReadComeOutOneByOne() throws TransportException {
        List<byte[]> sent = messages(new Random(8), 10);
        ch.writeInbound(Unpooled.wrappedBuffer(frames(sessions.initiator().encryptor(), sent)));
        assertThat(received()).containsExactlyElementsOf(sent);
    }

    @Test
    void aFrameThatFailsItsMacFailsTheTransportForGood() throws TransportException {
        TransportEncryptor enc = sessions.initiator().encryptor();
        byte[] good = enc.encrypt(new byte[] {0, 18, 0, 0, 0, 0});
        byte[] bad = enc.encrypt(new byte[] {0, 19, 0, 0});
        bad[bad.length - 1] ^= 1; // B8-GEN-02: the body's tag fails
        ch.writeInbound(Unpooled.wrappedBuffer(good, bad));
        assertThat(received()).hasSize(1);
        assertThat(events.of(TransportFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.error()).isEqualTo(TransportError.BAD_BODY_TAG));
        // whatever follows is dropped, and the failure is reported once
        ch.writeInbound(Unpooled.wrappedBuffer(enc.encrypt(new byte[] {0, 18, 0, 0, 0, 0})));
        assertThat(received()).isEmpty();
        assertThat(events.of(TransportFailed.class)).hasSize(1);
    }

    @Test
    void aHeaderAnnouncingMoreThanArrivesWaits() throws TransportException {
        byte[] frame = sessions.initiator().encryptor().encrypt(new byte[100]);
        ch.writeInbound(Unpooled.wrappedBuffer(frame, 0, TransportEncryptor.HEADER_LENGTH + 10));
        assertThat(received()).isEmpty();
        assertThat(((FrameDecoder) ch.pipeline().get(FrameDecoder.class)).pendingBodyLength()).isEqualTo(100);
        ch.writeInbound(Unpooled.wrappedBuffer(frame, TransportEncryptor.HEADER_LENGTH + 10,
                frame.length - TransportEncryptor.HEADER_LENGTH - 10));
        assertThat(received()).singleElement().satisfies(m -> assertThat(m).hasSize(100));
    }
}
