package org.lnconform.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Our node against Core Lightning's Python wire library (pyln-proto, an independent BOLT 8
 * implementation) over loopback, in both roles: handshake, init, 1100 ping/pong rounds (each
 * direction rotates its key twice), unknown odd and even messages, an oversize ping.
 */
class PylnInteropTest {

    private static final Path SCRIPT = Path.of("src/test/python/pyln_peer.py");
    private static final int ROUNDS = 1100;
    private LightningNode node;

    @BeforeEach
    void start() throws Exception {
        ExternalTool.requirePython("pyln.proto.wire");
        node = LightningNode.create(PeerConfig.defaults()).listen(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        if (node != null) {
            node.close();
        }
    }

    @Test
    void pylnDialsOurNode() throws Exception {
        try (ExternalTool.Running py = new ExternalTool.Running(List.of("python3", SCRIPT.toString(), "dial",
                node.uri().toString(), String.valueOf(ROUNDS)))) {
            int code = py.await(120_000);
            assertThat(code).as(py.output()).isZero();
            assertThat(py.output()).contains("OK " + ROUNDS + " rounds");
        }
    }

    @Test
    void ourNodeDialsPyln() throws Exception {
        try (ExternalTool.Running py = new ExternalTool.Running(List.of("python3", SCRIPT.toString(), "serve",
                String.valueOf(ROUNDS)))) {
            String uri = py.awaitLine("URI ", 30_000).substring(4);
            Peer peer = node.connect(NodeUri.parse(uri)).get(30, TimeUnit.SECONDS);
            assertThat(peer.remoteKeyHex()).isEqualTo(uri.substring(0, 66));
            int code = py.await(120_000);
            assertThat(code).as(py.output()).isZero();
            assertThat(peer.closeFuture().get(10, TimeUnit.SECONDS).kind())
                    .isEqualTo(DisconnectReason.Kind.UNKNOWN_EVEN_MESSAGE);
        }
    }
}
