package org.lnconform.kmp.socket;

import static org.assertj.core.api.Assertions.assertThat;

import fr.acinq.lightning.wire.Init;
import fr.acinq.lightning.wire.LightningMessage;
import fr.acinq.lightning.wire.Pong;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lnconform.kmp.KmpCodec;
import org.lnconform.kmp.KmpNoise;
import org.lnconform.peer.DisconnectReason;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.NodeUri;
import org.lnconform.peer.Peer;
import org.lnconform.peer.PeerConfig;
import org.lnconform.wire.message.Ping;

/**
 * Our Netty node against a lightning-kmp peer over real loopback sockets, both ways: handshake,
 * init, 1100 ping/pong rounds in each direction at once (key rotation on all four keys), unknown
 * messages, oversize pings, and stalled handshakes that must not block a good one.
 */
class KmpNodeInteropTest {

    private static final int ROUNDS = 1100;
    private LightningNode node;

    @BeforeEach
    void start() throws Exception {
        node = LightningNode.create(PeerConfig.defaults()).listen(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        node.close();
    }

    private KmpSocketPeer dialOurNode() throws Exception {
        NodeUri uri = node.uri();
        return KmpSocketPeer.dial(new InetSocketAddress(uri.host(), uri.port()), uri.publicKey());
    }

    private static Init kmpInit() {
        return KmpCodec.init(new byte[0], List.of(PeerConfig.BITCOIN_REGTEST.toByteArray()), Map.of());
    }

    @Test
    void kmpDialsOurNodeAndBothSidesPing1100Times() throws Exception {
        try (KmpSocketPeer kmp = dialOurNode()) {
            kmp.send(kmpInit());
            LightningMessage first = kmp.receive();
            assertThat(first).isInstanceOf(Init.class);
            assertThat(KmpCodec.featureBits(((Init) first).getFeatures())).containsAll(node.config().featureBits());
            kmp.startReader();
            Peer ours = awaitPeer();
            // our node pings lightning-kmp while lightning-kmp pings our node
            List<CompletableFuture<org.lnconform.wire.message.Pong>> ourPings = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                ourPings.add(ours.ping(Ping.of(i % 64, 3), Duration.ofSeconds(30)));
            }
            for (int i = 0; i < ROUNDS; i++) {
                kmp.send(KmpCodec.ping(i % 100, new byte[i % 7]));
                Object m = kmp.inbox.poll(10, TimeUnit.SECONDS);
                assertThat(m).as("round " + i).isInstanceOf(Pong.class);
                assertThat(KmpSocketPeer.byteslen((Pong) m)).isEqualTo(i % 100);
            }
            for (int i = 0; i < ROUNDS; i++) {
                assertThat(ourPings.get(i).get(30, TimeUnit.SECONDS).byteslen()).isEqualTo(i % 64);
            }
            probes(kmp, ours);
        }
    }

    /** Unknown odd ignored, oversize ping ignored, unknown even closes. */
    private static void probes(KmpSocketPeer kmp, Peer ours) throws Exception {
        kmp.sendRaw(new byte[] {(byte) 0xfe, 0x55, 1, 2, 3});
        kmp.send(KmpCodec.ping(7, new byte[0]));
        assertThat(KmpSocketPeer.byteslen((Pong) kmp.inbox.poll(10, TimeUnit.SECONDS))).isEqualTo(7);
        kmp.send(KmpCodec.ping(65532, new byte[0]));
        kmp.send(KmpCodec.ping(9, new byte[0]));
        assertThat(KmpSocketPeer.byteslen((Pong) kmp.inbox.poll(10, TimeUnit.SECONDS)))
                .as("a ping with num_pong_bytes 65532 must not be answered").isEqualTo(9);
        kmp.sendRaw(new byte[] {(byte) 0xfe, 0x54});
        Object next = kmp.inbox.poll(10, TimeUnit.SECONDS);
        if (next instanceof fr.acinq.lightning.wire.Warning) {
            next = kmp.inbox.poll(10, TimeUnit.SECONDS); // a warning before closing is allowed
        }
        assertThat(next).isInstanceOf(KmpSocketPeer.Closed.class);
        assertThat(ours.closeFuture().get(10, TimeUnit.SECONDS).kind())
                .isEqualTo(DisconnectReason.Kind.UNKNOWN_EVEN_MESSAGE);
    }

    @Test
    void ourNodeDialsKmp() throws Exception {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        key[0] &= 0x7f;
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(10_000);
            NodeUri kmpUri = new NodeUri(KmpNoise.publicKey(key), "127.0.0.1", server.getLocalPort());
            CompletableFuture<Peer> dialled = node.connect(kmpUri);
            try (KmpSocketPeer kmp = KmpSocketPeer.accept(server, key)) {
                assertThat(kmp.remoteStatic()).isEqualTo(node.key().publicKey());
                assertThat(kmp.receive()).isInstanceOf(Init.class);
                kmp.send(kmpInit());
                kmp.startReader();
                Peer ours = dialled.get(10, TimeUnit.SECONDS);
                for (int i = 0; i < ROUNDS; i++) {
                    assertThat(ours.ping(Ping.of(i % 50, 0), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS).byteslen())
                            .isEqualTo(i % 50);
                }
                probes(kmp, ours);
            }
        }
    }

    @Test
    void stalledHandshakesDoNotBlockAGoodOne() throws Exception {
        NodeUri uri = node.uri();
        try (Socket insideActOne = new Socket(uri.host(), uri.port());
                Socket afterActOne = new Socket(uri.host(), uri.port())) {
            insideActOne.getOutputStream().write(new byte[20]);
            var init = KmpNoise.initiator(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
                20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32}, uri.publicKey());
            afterActOne.getOutputStream().write(init.actOne());
            afterActOne.setSoTimeout(5000);
            afterActOne.getInputStream().readNBytes(50); // act two arrives; we never send act three
            long t0 = System.nanoTime();
            try (KmpSocketPeer good = dialOurNode()) {
                good.send(kmpInit());
                assertThat(good.receive()).isInstanceOf(Init.class);
                good.send(KmpCodec.ping(3, new byte[0]));
                LightningMessage m = good.receive();
                while (m instanceof fr.acinq.lightning.wire.Ping p) { // the node's own liveness ping
                    good.send(KmpCodec.pong(new byte[p.getPongLength()]));
                    m = good.receive();
                }
                assertThat(m).isInstanceOf(Pong.class);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        }
    }

    private Peer awaitPeer() throws InterruptedException {
        for (int i = 0; i < 500 && node.peers().isEmpty(); i++) {
            Thread.sleep(10);
        }
        Peer p = node.peers().get(0);
        try {
            return p.ready().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
