package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.NodeUri;
import org.lnconform.peer.Peer;
import org.lnconform.peer.PeerConfig;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.testcontainers.utility.DockerImageName;

/**
 * A real LDK node in Docker: ready on its URI line, reachable by handshake + init + ping, the fundee
 * of a channel we open, and told through its control interface to dial the harness.
 */
@RequiresDocker(nodes = "ldk")
class LdkContainerTest {

    private static final String KEY = "02b33103b1f93161777abc65049ccb859376935e67085a9b7c063aa67f88d39ae1";
    /**
     * The reference node's features: with its ChannelManager, LDK closes a peer that does not offer
     * what it requires (data_loss_protect, var_onion_optin, static_remotekey, payment_secret,
     * channel_type: 0, 8, 12, 14, 44), so those are offered (odd), with a few optional ones.
     */
    private static final Set<Integer> FEATURES = Set.of(1, 5, 9, 13, 15, 27, 45, 61);

    private static ContainerTarget target;
    private static LdkContainer ldk;

    @BeforeAll
    static void start() {
        ldk = new LdkContainer(DockerImageName.parse(TestImages.ldk()).asCompatibleSubstituteFor("lnconform/ldk-node"));
        target = ContainerTarget.start("ldk", "LDK", ldk);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void theUriLineGivesIdentityAndTheChosenPort() {
        assertThat(target.uri().toString()).matches("0[23][0-9a-f]{64}@127\\.0\\.0\\.1:" + ldk.getP2pPort());
        Map<String, String> d = target.describe();
        assertThat(d).containsEntry("name", "ldk").containsEntry("version", LdkContainer.LDK_VERSION)
                .containsKeys("implementation", "image", "uri", "startupMs");
    }

    @Test
    void referenceNodeCompletesHandshakeInitAndPing() throws Exception {
        try (LightningNode node = LightningNode.create(PeerConfig.defaults().withFeatureBits(FEATURES))) {
            Peer peer = node.connect(target.uri()).get(20, TimeUnit.SECONDS);
            assertThat(peer.remoteInit()).isPresent();
            Pong pong = peer.ping(Ping.of(16, 4), Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            assertThat(pong.ignored().size()).isEqualTo(16);
        }
    }

    @Test
    void probeCasesPassAsResponder() {
        CaseRuns.assertAllPass(target, "bolt08/handshake/valid-act-two",
                "bolt01/ping/num-pong-bytes-65531-answered");
    }

    /** The image's ChannelManager accepts our channel as fundee and signs our first commitment (K7). */
    @Test
    void theChannelManagerAcceptsAndSignsAsFundee() {
        CaseRuns.assertAllPass(target, "bolt02/funder/accept-channel-type-echoed",
                "bolt02/funder/funding-signed-signature-valid", "bolt02/funder/funding-created-bad-signature");
    }

    @Test
    void dialBackMakesLdkTheInitiator() {
        assertThat(target.dialBack()).isPresent();
        CaseRuns.assertAllPass(target, "bolt08/initiator/act1-well-formed",
                "bolt01/initiator/init-first");
    }

    @Test
    void theControlInterfaceConnectsListsAndRefuses() throws Exception {
        try (LightningNode node = LightningNode.create(PeerConfig.defaults().withFeatureBits(FEATURES))) {
            NodeUri listening = node.listen(new InetSocketAddress("127.0.0.1", 0)).uri();
            ldk.connectPeer(listening);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!ldk.connectedPeers().contains(listening.publicKeyHex()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(ldk.connectedPeers()).contains(listening.publicKeyHex());
        }
        assertThatThrownBy(() -> ldk.command("open-channel")).isInstanceOf(IOException.class)
                .hasMessageContaining("unknown command");
        assertThatThrownBy(() -> ldk.command("connect " + KEY + "@192.0.2.1:9735")).isInstanceOf(IOException.class)
                .hasMessageContaining("only loopback");
        int closed = FreePorts.pick();
        assertThatThrownBy(() -> ldk.command("connect " + KEY + "@127.0.0.1:" + closed))
                .isInstanceOf(IOException.class).hasMessageContaining("could not connect");
    }
}
