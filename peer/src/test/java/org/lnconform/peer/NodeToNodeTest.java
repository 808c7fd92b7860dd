package org.lnconform.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.UnknownMessage;
import org.lnconform.wire.Bytes;

/** Two of our nodes over real loopback sockets. */
class NodeToNodeTest {

    private LightningNode server;
    private LightningNode client;

    @BeforeEach
    void start() throws Exception {
        server = LightningNode.create(PeerConfig.defaults()).listen(new InetSocketAddress("127.0.0.1", 0));
        client = LightningNode.create(PeerConfig.defaults());
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void handshakeInitAndPingPongAcrossKeyRotationBothWays() throws Exception {
        Peer out = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
        assertThat(out.remoteKeyHex()).isEqualTo(server.publicKeyHex());
        assertThat(out.remoteInit()).isPresent();
        waitFor(() -> server.peers().size() == 1);
        Peer in = server.peers().get(0);
        in.ready().get(5, TimeUnit.SECONDS);

        List<CompletableFuture<Pong>> fromClient = new ArrayList<>();
        List<CompletableFuture<Pong>> fromServer = new ArrayList<>();
        for (int i = 0; i < 1100; i++) {
            fromClient.add(out.ping(Ping.of(i % 300, i % 50), Duration.ofSeconds(20)));
            fromServer.add(in.ping(Ping.of(i % 200, 3), Duration.ofSeconds(20)));
        }
        for (int i = 0; i < 1100; i++) {
            assertThat(fromClient.get(i).get(20, TimeUnit.SECONDS).byteslen()).isEqualTo(i % 300);
            assertThat(fromServer.get(i).get(20, TimeUnit.SECONDS).byteslen()).isEqualTo(i % 200);
        }
        assertThat(out.isOpen()).isTrue();
        assertThat(in.isOpen()).isTrue();
    }

    @Test
    void unknownOddIsIgnoredAndUnknownEvenCloses() throws Exception {
        Peer out = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
        out.send(new UnknownMessage(32769, Bytes.of(new byte[] {1, 2, 3}))).get(5, TimeUnit.SECONDS);
        assertThat(out.ping(Ping.of(10, 0), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).byteslen()).isEqualTo(10);
        out.send(new UnknownMessage(32768, Bytes.empty()));
        DisconnectReason r = out.closeFuture().get(5, TimeUnit.SECONDS);
        assertThat(r.kind()).isEqualTo(DisconnectReason.Kind.REMOTE_CLOSED);
        waitFor(() -> server.peers().isEmpty());
    }

    @Test
    void oversizePingIsNotAnsweredAndConnectionStays() throws Exception {
        Peer out = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
        out.send(Ping.of(65532, 0)).get(5, TimeUnit.SECONDS);
        // the pong for the following ping must be the first message to arrive
        assertThat(out.ping(Ping.of(7, 0), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).byteslen()).isEqualTo(7);
        assertThat(out.poll(Duration.ofMillis(1))).hasValueSatisfying(m -> assertThat(m).isInstanceOf(Pong.class));
        assertThat(out.poll(Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void secondConnectionWithTheSameKeyLeavesOne() throws Exception {
        Peer first = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
        Peer second = client.connect(server.uri()).get(10, TimeUnit.SECONDS);
        assertThat(first.closeFuture().get(5, TimeUnit.SECONDS).kind())
                .isIn(DisconnectReason.Kind.DUPLICATE_CONNECTION, DisconnectReason.Kind.REMOTE_CLOSED);
        assertThat(second.isOpen()).isTrue();
        waitFor(() -> server.peers().size() == 1);
    }

    @Test
    void handshakesStalledAtEachActDoNotBlockAGoodOne() throws Exception {
        NodeUri uri = server.uri();
        try (java.net.Socket insideActOne = new java.net.Socket(uri.host(), uri.port());
                java.net.Socket afterActOne = new java.net.Socket(uri.host(), uri.port())) {
            insideActOne.getOutputStream().write(new byte[20]);
            var one = org.lnconform.noise.Handshake.initiator(org.lnconform.noise.NodeKey.generate(), uri.publicKey())
                    .actOne();
            afterActOne.getOutputStream().write(one.bytes());
            afterActOne.setSoTimeout(5000);
            assertThat(afterActOne.getInputStream().readNBytes(50)).hasSize(50); // Act Two; no Act Three follows
            long t0 = System.nanoTime();
            Peer good = client.connect(uri).get(5, TimeUnit.SECONDS);
            assertThat(good.ping(Ping.of(1, 0), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS).byteslen()).isEqualTo(1);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
        }
    }

    @Test
    void wireTraceShowsMessagesButNoKeys() throws Exception {
        List<String> lines = java.util.Collections.synchronizedList(new ArrayList<>());
        try (LightningNode traced = LightningNode.create(PeerConfig.defaults())
                .withWireTrace(lines::add, 2).listen(new InetSocketAddress("127.0.0.1", 0))) {
            traced.onPeerClosed(p -> lines.add("server side closed: " + p.closeFuture().join()));
            Peer p;
            try {
                p = client.connect(traced.uri()).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError("trace: " + lines, e);
            }
            p.ping(Ping.of(3, 0), Duration.ofSeconds(5)).get(5, TimeUnit.SECONDS);
            String all = String.join("\n", lines);
            assertThat(all).contains("Init[").contains("Ping[").contains("Pong[").contains("on the wire");
            assertThat(all).doesNotContain(org.lnconform.noise.Hex.encode(traced.key().privateKey()))
                    .doesNotContain(org.lnconform.noise.Hex.encode(client.key().privateKey()));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier cond) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!cond.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
