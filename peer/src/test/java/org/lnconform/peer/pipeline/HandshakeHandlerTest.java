package org.lnconform.peer.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.HandshakeException;
import org.lnconform.noise.InitiatorStart;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;

/** {@link HandshakeHandler} alone, in an {@link EmbeddedChannel}, against the noise module as the other side. */
class HandshakeHandlerTest {

    private static final Duration ACT_TIMEOUT = Duration.ofSeconds(10);
    private static final byte[] PING = {0, 18, 0, 1, 0, 0};

    private final NodeKey server = NodeKey.generate();
    private final NodeKey client = NodeKey.generate();
    private final Events events = new Events();

    private EmbeddedChannel responder(Duration actTimeout, HandshakeHandler.Tamper tamper) {
        return new EmbeddedChannel(HandshakeHandler.responder(Handshake.responder(server), actTimeout, tamper), events);
    }

    private static byte[] bytes(ByteBuf b) {
        try {
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    @Test
    void responderTakesActsByteByByteAndPassesOnTheBytesBehindActThree() throws Exception {
        EmbeddedChannel ch = responder(ACT_TIMEOUT, HandshakeHandler.Tamper.NONE);
        InitiatorStart.ActOne one = Handshake.initiator(client, server.publicKey()).actOne();
        for (int i = 0; i < one.bytes().length; i++) {
            assertThat((Object) ch.readOutbound()).as("nothing before Act One is whole").isNull();
            ch.writeInbound(Unpooled.wrappedBuffer(new byte[] {one.bytes()[i]}));
        }
        byte[] actTwo = bytes(ch.readOutbound());
        assertThat(actTwo).hasSize(Handshake.ACT_TWO_LENGTH);

        var three = one.next().readActTwo(actTwo);
        Session ours = three.session();
        // Act Three and the first transport message arrive in one read
        ch.writeInbound(Unpooled.wrappedBuffer(three.bytes(), ours.encryptor().encrypt(PING)));

        assertThat(events.of(HandshakeCompleted.class)).hasSize(1);
        assertThat(events.of(HandshakeCompleted.class).get(0).session().remoteStatic()).isEqualTo(client.publicKey());
        assertThat(ch.pipeline().get(HandshakeHandler.class)).isNull();
        assertThat(ch.pipeline().get(FrameDecoder.NAME)).isInstanceOf(FrameDecoder.class);
        assertThat(ch.pipeline().get(FrameEncoder.NAME)).isInstanceOf(FrameEncoder.class);
        assertThat(bytes(ch.readInbound())).isEqualTo(PING);
        assertThat(ch.isOpen()).isTrue();
    }

    @Test
    void initiatorSendsActOneWhenActiveAndActThreeAfterActTwo() throws Exception {
        AwaitingActOne responder = Handshake.responder(server);
        EmbeddedChannel ch = new EmbeddedChannel(HandshakeHandler.initiator(
                Handshake.initiator(client, server.publicKey()), ACT_TIMEOUT, HandshakeHandler.Tamper.NONE), events);
        byte[] actOne = bytes(ch.readOutbound());
        AwaitingActOne.ActTwo two = responder.readActOne(actOne);
        ch.writeInbound(Unpooled.wrappedBuffer(two.bytes(), 0, 20));
        assertThat((Object) ch.readOutbound()).isNull();
        ch.writeInbound(Unpooled.wrappedBuffer(two.bytes(), 20, 30));
        byte[] actThree = bytes(ch.readOutbound());
        Session theirs = two.next().readActThree(actThree);
        assertThat(theirs.remoteStatic()).isEqualTo(client.publicKey());
        assertThat(events.of(HandshakeCompleted.class)).hasSize(1);
    }

    @Test
    void aRejectedActClosesTheConnection() {
        EmbeddedChannel ch = responder(ACT_TIMEOUT, HandshakeHandler.Tamper.NONE);
        byte[] actOne = Handshake.initiator(client, server.publicKey()).actOne().bytes();
        actOne[0] = 1; // B8-ACT1-02: unknown version
        ch.writeInbound(Unpooled.wrappedBuffer(actOne));
        assertThat(events.of(HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.act()).isEqualTo(1))
                .satisfies(f -> assertThat(f.timeout()).isFalse());
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void afterAFailureEveryLaterByteIsDropped() throws HandshakeException {
        HandshakeHandler.Tamper keepOpen = new HandshakeHandler.Tamper() {
            @Override
            public boolean keepOpenOnFailure(HandshakeException e) {
                return true;
            }
        };
        EmbeddedChannel ch = responder(ACT_TIMEOUT, keepOpen);
        byte[] bad = Handshake.initiator(client, server.publicKey()).actOne().bytes();
        bad[49] ^= 1; // B8-ACT1-03: the tag fails
        ch.writeInbound(Unpooled.wrappedBuffer(bad));
        assertThat(ch.isOpen()).isTrue();
        // a good Act One now changes nothing: the handshake stays failed
        ch.writeInbound(Unpooled.wrappedBuffer(Handshake.initiator(client, server.publicKey()).actOne().bytes()));
        assertThat((Object) ch.readOutbound()).isNull();
        assertThat(events.of(HandshakeFailed.class)).hasSize(1);
        assertThat(events.of(HandshakeCompleted.class)).isEmpty();
    }

    @Test
    void anActThatDoesNotComeInTimeFailsTheHandshake() {
        EmbeddedChannel ch = responder(Duration.ofMillis(100), HandshakeHandler.Tamper.NONE);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[20])); // part of Act One, then nothing
        ch.advanceTimeBy(150, TimeUnit.MILLISECONDS);
        ch.runScheduledPendingTasks();
        assertThat(events.of(HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.timeout()).isTrue())
                .satisfies(f -> assertThat(f.act()).isEqualTo(1));
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aCloseInsideAnActIsReportedWithTheAct() {
        EmbeddedChannel ch = responder(ACT_TIMEOUT, HandshakeHandler.Tamper.NONE);
        ch.writeInbound(Unpooled.wrappedBuffer(new byte[10]));
        ch.close();
        assertThat(events.of(HandshakeFailed.class)).singleElement()
                .satisfies(f -> assertThat(f.reason()).contains("act 1"));
    }
}
