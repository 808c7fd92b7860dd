package org.lnconform.peer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.DecodeError;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.UnknownMessage;

/** {@link MessageDecoder} alone: plaintext in, a decoded message or a typed error out, buffers released. */
class MessageDecoderTest {

    private final EmbeddedChannel ch = new EmbeddedChannel(new MessageDecoder(), new MessageEncoder());

    @Test
    void aKnownMessageComesOutDecodedWithItsPlaintext() {
        byte[] ping = LightningMessageCodec.encode(Ping.of(4, 2));
        ByteBuf in = Unpooled.copiedBuffer(ping);
        ch.writeInbound(in);
        Inbound.Decoded d = ch.readInbound();
        assertThat(d.message()).isEqualTo(Ping.of(4, 2));
        assertThat(d.plaintext()).isEqualTo(ping);
        assertThat(in.refCnt()).isZero();
    }

    @Test
    void anUnknownTypeComesOutRaw() {
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {(byte) 0x80, 0x01, 0x2a}));
        Inbound.Decoded d = ch.readInbound();
        assertThat(d.message()).isInstanceOf(UnknownMessage.class);
        assertThat(d.message().type()).isEqualTo(0x8001);
    }

    @Test
    void bytesThatDoNotDecodeComeOutWithTheirTypedError() {
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {0, 16, 0, 5})); // init cut inside globalfeatures
        Inbound.Undecodable u = ch.readInbound();
        assertThat(u.error().kind()).isEqualTo(DecodeError.SHORT_READ);
        assertThat(u.error().field()).isEqualTo("init.globalfeatures");
        assertThat(u.plaintext()).containsExactly(0, 16, 0, 5);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void theEncoderIsItsMirror() {
        Ping p = Ping.of(9, 3);
        ch.writeOutbound(p);
        ByteBuf out = ch.readOutbound();
        ch.writeInbound(out);
        assertThat(((Inbound.Decoded) ch.readInbound()).message()).isEqualTo(p);
    }
}
