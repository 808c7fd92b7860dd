package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

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

/**
 * Real Core Lightning (lnconform's local image, stand-in chain backend, no bitcoind): ready on its
 * "Server started" line, reachable by handshake + init + ping, and it dials back through
 * {@code lightning-cli connect}.
 */
@RequiresDocker(nodes = "cln")
class ClnContainerTest {

    private static ContainerTarget target;
    private static ClnContainer cln;

    @BeforeAll
    static void start() {
        cln = new ClnContainer(DockerImageName.parse(TestImages.cln()).asCompatibleSubstituteFor("lnconform/cln"));
        target = ContainerTarget.start("cln", "Core Lightning", cln);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void theStartedLineGivesIdentityVersionAndTheChosenPort() {
        assertThat(cln.usesStandInChain()).isTrue();
        assertThat(target.uri().toString()).matches("0[23][0-9a-f]{64}@127\\.0\\.0\\.1:" + cln.getP2pPort());
        assertThat(cln.getNodeVersion()).isEqualTo("v26.06.6");
        Map<String, String> d = target.describe();
        assertThat(d).containsEntry("name", "cln").containsEntry("version", "v26.06.6")
                .containsKeys("implementation", "image", "uri", "startupMs");
    }

    @Test
    void theStandInBackendAnsweredLightningdsChainCalls() {
        String logs = target.logs();
        assertThat(logs).contains("lnconform stand-in chain: regtest, height 1")
                .contains("call getchaininfo").contains("call estimatefees").contains("call getrawblockbyheight");
    }

    @Test
    void referenceNodeCompletesHandshakeInitAndPing() throws Exception {
        try (LightningNode node = LightningNode.create(PeerConfig.defaults().withFeatureBits(Set.of(1, 5, 9, 15, 17)))) {
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
    void dialBackMakesClnTheInitiator() {
        assertThat(target.dialBack()).isPresent();
        CaseRuns.assertAllPass(target, "bolt08/initiator/act1-well-formed",
                "bolt08/initiator/act3-well-formed", "bolt01/initiator/init-first");
    }
}
