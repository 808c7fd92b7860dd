package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lnconform.peer.LightningNode;
import org.lnconform.peer.Peer;
import org.lnconform.peer.PeerConfig;
import org.lnconform.wire.message.Ping;
import org.lnconform.wire.message.Pong;
import org.testcontainers.utility.DockerImageName;

/** A real lnd in Docker: ready, identified, reachable by handshake + init + ping, and able to dial the harness. */
@RequiresDocker(nodes = "lnd")
class LndContainerTest {

    private static ContainerTarget target;
    private static LndContainer lnd;

    @BeforeAll
    static void start() {
        lnd = new LndContainer(DockerImageName.parse(TestImages.lnd()).asCompatibleSubstituteFor("lightninglabs/lnd"));
        target = ContainerTarget.start("lnd", "lnd (Lightning Labs)", lnd);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void readyMeansServerActiveAndTheUriIsGetinfosIdentity() throws Exception {
        JsonNode state = HttpJson.plain(lnd.getRestUrl()).get("/v1/state", Duration.ofSeconds(5));
        assertThat(state.path("state").asText()).isEqualTo("SERVER_ACTIVE");
        assertThat(target.uri().publicKeyHex()).isEqualTo(lnd.getInfo().path("identity_pubkey").asText());
        assertThat(target.uri().toString()).matches("0[23][0-9a-f]{64}@127\\.0\\.0\\.1:" + lnd.getP2pPort());
        Map<String, String> d = target.describe();
        assertThat(d).containsEntry("name", "lnd").containsKeys("implementation", "image", "uri", "startupMs");
        assertThat(d.get("version")).startsWith("0.19.3-beta");
    }

    @Test
    void referenceNodeCompletesHandshakeInitAndPing() throws Exception {
        // lnd insists on data_loss_protect (bit 0 or 1) in the peer's init
        PeerConfig config = PeerConfig.defaults().withFeatureBits(Set.of(1, 5, 27, 61));
        try (LightningNode node = LightningNode.create(config)) {
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

    @Test
    void dialBackMakesLndTheInitiator() {
        assertThat(target.dialBack()).isPresent();
        CaseRuns.assertAllPass(target, "bolt08/initiator/act1-well-formed",
                "bolt01/initiator/init-first");
    }
}
