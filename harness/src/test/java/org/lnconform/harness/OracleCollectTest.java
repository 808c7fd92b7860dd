package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.oracle.Collected;
import org.lnconform.harness.oracle.GarbledFrame;
import org.lnconform.harness.oracle.Oracle;
import org.lnconform.harness.probe.Bounds;
import org.lnconform.harness.probe.LimitExceeded;
import org.lnconform.harness.probe.ProbeSession;
import org.lnconform.harness.run.CaseContext;
import org.lnconform.harness.run.CaseRandom;
import org.lnconform.harness.run.Keylog;
import org.lnconform.noise.AwaitingActOne;
import org.lnconform.noise.Handshake;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;
import org.lnconform.peer.NodeUri;
import org.lnconform.wire.WireWriter;
import org.lnconform.wire.feature.FeatureTable;
import org.lnconform.wire.feature.FeatureVector;
import org.lnconform.wire.message.Init;
import org.lnconform.wire.message.LightningMessageCodec;
import org.lnconform.wire.message.Pong;
import org.lnconform.wire.message.Warning;

/**
 * {@link Oracle#collect} and {@link Oracle#record} over real sockets, against a loopback "node"
 * that sends init and then what the test scripts: a frame that fails decryption is the BOLT 8
 * finding (never a close), a flood instead of the awaited message is ERROR, a close is a close.
 */
class OracleCollectTest {

    /** What the scripted node sends after its init. */
    @FunctionalInterface
    interface Script {
        void run(OutputStream out, Session session) throws Exception;
    }

    private static final byte[] ODD = new WireWriter().u16(0xfe55).raw(new byte[8]).toByteArray();

    @Test
    void aFrameThatFailsDecryptionIsTheBolt8FindingWithWhatCameBefore() throws Exception {
        try (Node node = new Node((out, session) -> {
            out.write(session.encryptor().encrypt(LightningMessageCodec.encode(Warning.allChannels("first"))));
            byte[] frame = session.encryptor().encrypt(ODD);
            frame[frame.length - 1] ^= 1; // the body's MAC no longer verifies
            out.write(frame);
            out.flush();
            Thread.sleep(3000);
        })) {
            ProbeSession s = node.session();
            Oracle oracle = new Oracle(Bounds.defaults());
            assertThatThrownBy(() -> oracle.collect(s, Duration.ofSeconds(2), c -> false, "a pong"))
                    .isInstanceOfSatisfying(GarbledFrame.class, g -> {
                        assertThat(g.evidence().outcome()).isEqualTo(Outcome.GARBLED);
                        assertThat(g.evidence().observed()).contains("B8-MSG-02").contains("before it, the node had sent [warning]");
                    });
        }
    }

    @Test
    void aFloodInsteadOfTheAwaitedMessageIsAnErrorButARecordKeepsIt() throws Exception {
        Script flood = (out, session) -> {
            for (int i = 0; i < 150; i++) {
                out.write(session.encryptor().encrypt(ODD));
            }
            out.flush();
            Thread.sleep(3000);
        };
        Oracle oracle = new Oracle(Bounds.defaults());
        try (Node node = new Node(flood)) {
            ProbeSession s = node.session();
            assertThatThrownBy(() -> oracle.collect(s, Duration.ofMillis(800), c -> !c.of(Pong.class).isEmpty(), "a pong"))
                    .isInstanceOf(LimitExceeded.class).hasMessageContaining("but not a pong");
        }
        try (Node node = new Node(flood)) {
            Collected c = oracle.record(node.session(), Duration.ofMillis(800));
            assertThat(c.messages()).hasSize(150);
            assertThat(c.done()).isFalse();
            assertThat(c.closed()).isFalse();
        }
    }

    @Test
    void aCloseEndsTheCollectionAsClosedWithTheWarningBeforeIt() throws Exception {
        try (Node node = new Node((out, session) -> {
            out.write(session.encryptor().encrypt(LightningMessageCodec.encode(Warning.allChannels("bye"))));
            out.flush();
        })) {
            Collected c = new Oracle(Bounds.defaults()).collect(node.session(), Duration.ofSeconds(3), x -> false, "a pong");
            assertThat(c.closed()).isTrue();
            assertThat(c.done()).isFalse();
            assertThat(c.warning()).isEqualTo("warning \"bye\"");
        }
    }

    @Test
    void theCollectionStopsAsSoonAsWhatWasAwaitedArrived() throws Exception {
        try (Node node = new Node((out, session) -> {
            out.write(session.encryptor().encrypt(ODD));
            out.write(session.encryptor().encrypt(LightningMessageCodec.encode(Pong.of(4))));
            out.write(session.encryptor().encrypt(ODD));
            out.flush();
            Thread.sleep(3000);
        })) {
            long t0 = System.nanoTime();
            Collected c = new Oracle(Bounds.defaults()).collect(node.session(), Duration.ofSeconds(3),
                    x -> !x.of(Pong.class).isEmpty(), "a pong");
            assertThat(c.done()).isTrue();
            assertThat(c.messages()).hasSize(2);
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(2));
        }
    }

    /** A loopback node: BOLT 8 responder, its init, then the script; one connection. */
    private static final class Node implements AutoCloseable {
        private final ServerSocket server = new ServerSocket();
        private final NodeKey key = NodeKey.generate();
        private CaseContext ctx;

        Node(Script script) throws Exception {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread t = new Thread(() -> {
                try (Socket s = server.accept()) {
                    InputStream in = s.getInputStream();
                    OutputStream out = s.getOutputStream();
                    AwaitingActOne.ActTwo two = Handshake.responder(key).readActOne(in.readNBytes(Handshake.ACT_ONE_LENGTH));
                    out.write(two.bytes());
                    out.flush();
                    Session session = two.next().readActThree(in.readNBytes(Handshake.ACT_THREE_LENGTH));
                    out.write(session.encryptor().encrypt(LightningMessageCodec.encode(Init.of(FeatureVector.empty()))));
                    out.flush();
                    script.run(out, session);
                } catch (Exception e) {
                    // the test closed the connection
                }
            }, "oracle-test-node");
            t.setDaemon(true);
            t.start();
        }

        ProbeSession session() throws Exception {
            ctx = new CaseContext(new NodeUri(key.publicKey(), "127.0.0.1", server.getLocalPort()), Bounds.defaults(),
                    FeatureTable.bolt9(), Keylog.NONE, null, new CaseRandom(1, "oracle-collect-test"));
            ProbeSession s = ctx.handshakeOk();
            ctx.readNodeInit(s);
            return s;
        }

        @Override
        public void close() throws Exception {
            if (ctx != null) {
                ctx.closeAll();
            }
            server.close();
        }
    }
}
