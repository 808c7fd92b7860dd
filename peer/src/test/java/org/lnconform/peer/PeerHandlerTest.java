package org.lnconform.peer;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lnconform.peer.DisconnectReason.Kind;
import org.lnconform.peer.pipeline.HandshakeCompleted;
import org.lnconform.peer.pipeline.Inbound;
import org.lnconform.peer.pipeline.MessageEncoder;
import org.lnconform.peer.pipeline.SessionPair;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.WireException;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessage;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.message.Warning;

/**
 * The BOLT 1 lifecycle alone: {@link PeerHandler} in an {@link EmbeddedChannel}, fed decoded
 * messages as {@link org.lnconform.peer.pipeline.MessageDecoder} would, with its own writes
 * encoded by {@link MessageEncoder}. No transport, no socket.
 */
class PeerHandlerTest {

    private static final PeerConfig CONFIG = PeerConfig.defaults().withPingAfterInit(false).withPingInterval(Duration.ZERO);

    private final List<Peer> closed = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel();
    private final Peer peer = new Peer(ch, false);

    private PeerHandlerTest() {
    }

    private void start(PeerConfig config) {
        PeerHandler.Hooks hooks = new PeerHandler.Hooks() {
            @Override
            public boolean authenticated(Peer p) {
                return true;
            }

            @Override
            public void closed(Peer p) {
                closed.add(p);
            }
        };
        ch.pipeline().addLast(new MessageEncoder(), new PeerHandler(peer, config, FeatureTable.bolt9(), hooks, Bolt1Tamper.NONE,
                GossipTamper.NONE, FundeeTamper.NONE));
        ch.pipeline().fireUserEventTriggered(new HandshakeCompleted(SessionPair.create().responder()));
    }

    private void receive(LightningMessage m) {
        ch.writeInbound(new Inbound.Decoded(LightningMessageCodec.encode(m), m));
    }

    private LightningMessage sent() throws WireException {
        ByteBuf b = ch.readOutbound();
        if (b == null) {
            return null;
        }
        try {
            return LightningMessageCodec.decode(ByteBufUtil.getBytes(b));
        } finally {
            b.release();
        }
    }

    private void running() throws Exception {
        start(CONFIG);
        assertThat(sent()).isInstanceOf(Init.class);
        receive(Init.of(FeatureVector.empty()));
        assertThat(peer.ready()).isCompleted();
    }

    private DisconnectReason reason() throws Exception {
        return peer.closeFuture().get(1, TimeUnit.SECONDS);
    }

    @Test
    void ourInitGoesFirstAndTheirsMakesTheConnectionReady() throws Exception {
        running();
        assertThat(peer.remoteInit()).contains(Init.of(FeatureVector.empty()));
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void aPingIsAnsweredAndAnOversizePingIsNot() throws Exception {
        running();
        receive(Ping.of(7, 3));
        assertThat(sent()).isEqualTo(Pong.of(7));
        receive(Ping.of(65532, 0)); // B1-PING-08
        assertThat(sent()).isNull();
        assertThat(peer.poll(Duration.ZERO)).isEmpty();
    }

    @Test
    void anUnknownEvenMessageClosesWithAWarningAndAnUnknownOddOneIsDelivered() throws Exception {
        running();
        receive(new UnknownMessage(0x8001, Bytes.fromHex("00")));
        assertThat(sent()).isNull();
        assertThat(peer.poll(Duration.ZERO)).contains(new UnknownMessage(0x8001, Bytes.fromHex("00")));
        receive(new UnknownMessage(0x8000, Bytes.fromHex("00")));
        assertThat(sent()).isInstanceOf(Warning.class);
        assertThat(reason().kind()).isEqualTo(Kind.UNKNOWN_EVEN_MESSAGE);
        assertThat(closed).containsExactly(peer);
    }

    @Test
    void aFirstMessageOtherThanInitCloses() throws Exception {
        start(CONFIG);
        assertThat(sent()).isInstanceOf(Init.class);
        receive(Ping.of(1, 0));
        assertThat(sent()).isInstanceOf(Warning.class);
        assertThat(reason().kind()).isEqualTo(Kind.NON_INIT_FIRST);
    }

    @Test
    void aKnownMessageThatDoesNotDecodeCloses() throws Exception {
        running();
        byte[] cut = {0, 18, 0, 1};
        WireException e = null;
        try {
            LightningMessageCodec.decode(cut);
        } catch (WireException x) {
            e = x;
        }
        ch.writeInbound(new Inbound.Undecodable(cut, e));
        assertThat(sent()).isInstanceOf(Warning.class);
        assertThat(reason().kind()).isEqualTo(Kind.MALFORMED_MESSAGE);
    }

    @Test
    void aChannelMessageForNoChannelIsAnsweredWithAnErrorNamingIt() throws Exception {
        running();
        Bytes channelId = Bytes.fromHex("ab".repeat(32));
        receive(new UnknownMessage(134, channelId.concat(Bytes.fromHex("000000fd")))); // update_fee
        var error = (org.lnconform.wire.message.ErrorMessage) sent();
        assertThat(error.channelId()).isEqualTo(channelId); // B1-ERR-06
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void noInitInTimeCloses() throws Exception {
        start(CONFIG.withTimeouts(Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofSeconds(10)));
        ch.advanceTimeBy(150, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(reason().kind()).isEqualTo(Kind.INIT_TIMEOUT);
    }

    @Test
    void aFullOutboundBufferRefusesSendsAtOnce() throws Exception {
        running();
        ch.config().setWriteBufferWaterMark(new WriteBufferWaterMark(8, 16));
        ch.write(Unpooled.wrappedBuffer(new byte[64])); // queued, not flushed: over the high-water mark
        assertThat(peer.writable()).isFalse();
        CompletableFuture<Void> f = peer.send(Ping.of(0, 0));
        assertThat(f).isCompletedExceptionally();
        try {
            f.get();
        } catch (ExecutionException x) {
            assertThat(x.getCause()).isInstanceOf(Peer.BackPressureException.class);
        }
        ch.flush();
        assertThat(peer.writable()).isTrue();
        assertThat(peer.send(Ping.of(0, 0))).isCompleted();
    }

    @Test
    void messagesAfterTheCloseDecisionAreNotProcessed() throws Exception {
        running();
        peer.close();
        assertThat(reason().kind()).isEqualTo(Kind.LOCAL_CLOSE);
        // bytes the event loop had already read when the close was decided
        ch.pipeline().fireChannelRead(new Inbound.Decoded(LightningMessageCodec.encode(Ping.of(1, 0)), Ping.of(1, 0)));
        assertThat(sent()).isNull();
        assertThat(peer.poll(Duration.ZERO)).isEmpty();
    }
}
