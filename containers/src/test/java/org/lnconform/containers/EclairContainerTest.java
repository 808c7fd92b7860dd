package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
 * A real Eclair in Docker with the image's stand-in bitcoind: ready when getinfo answers,
 * identified, reachable by handshake + init + ping, able to dial the harness; the stand-in answers
 * what Eclair asked at start-up and refuses anything else loudly.
 */
@RequiresDocker(nodes = "eclair")
class EclairContainerTest {

    private static ContainerTarget target;
    private static EclairContainer eclair;

    @BeforeAll
    static void start() {
        eclair = new EclairContainer(DockerImageName.parse(TestImages.eclair())
                .asCompatibleSubstituteFor(EclairContainer.LOCAL_IMAGE));
        target = ContainerTarget.start("eclair", "Eclair (ACINQ)", eclair);
    }

    @AfterAll
    static void stop() {
        if (target != null) {
            target.close();
        }
    }

    @Test
    void readyMeansGetinfoAnswersAndTheUriIsItsNodeId() throws Exception {
        JsonNode info = eclair.getInfo();
        assertThat(target.uri().publicKeyHex()).isEqualTo(info.path("nodeId").asText());
        assertThat(target.uri().toString()).matches("0[23][0-9a-f]{64}@127\\.0\\.0\\.1:" + eclair.getP2pPort());
        assertThat(info.path("network").asText()).isEqualTo("regtest");
        assertThat(info.path("blockHeight").asInt()).isZero();
        Map<String, String> d = target.describe();
        assertThat(d).containsEntry("name", "eclair").containsKeys("implementation", "image", "uri", "startupMs");
        assertThat(d.get("version")).startsWith("0.13.0 commit=");
        assertThat(Baseline.fileName(d)).isEqualTo("eclair-0.13.0.json");
    }

    @Test
    void theStandInServedEclairsStartUpCalls() {
        String logs = target.logs();
        for (String call : new String[] {"getblockchaininfo", "listwallets", "getblockhash [0]", "getnetworkinfo",
                "listunspent", "getnewaddress [\"\",\"bech32\"]", "getaddressinfo", "listlockunspent"}) {
            assertThat(logs).as("stand-in log of " + call).contains(" " + call);
        }
        // Eclair asked for nothing the stand-in does not serve (only this class's own probe is refused)
        assertThat(logs.lines().filter(l -> l.contains("-> error -32601")))
                .allMatch(l -> l.contains("sendrawtransaction"));
    }

    @Test
    void theStandInRefusesWhatItDoesNotServe() throws Exception {
        EclairContainer.StandIn s = eclair.standIn().orElseThrow();
        assertThat(standInCall(s.rpcPassword(), "getblockcount", "[]").path("result").asInt()).isZero();
        JsonNode refused = standInCall(s.rpcPassword(), "sendrawtransaction", "[\"00\"]");
        assertThat(refused.path("error").path("code").asInt()).isEqualTo(-32601);
        assertThat(refused.path("error").path("message").asText()).contains("stand-in", "sendrawtransaction");
        assertThatThrownBy(() -> standInCall("wrong", "getblockcount", "[]")).isInstanceOf(IOException.class)
                .hasMessageContaining("401");
    }

    /** One JSON-RPC request to the stand-in, the whole reply. */
    private static JsonNode standInCall(String password, String method, String params) throws Exception {
        HttpJson rpc = HttpJson.basicAuth("http://127.0.0.1:" + eclair.standIn().orElseThrow().rpcPort(), "lnconform",
                password);
        return rpc.postJson("/wallet/lnconform", "{\"jsonrpc\":\"1.0\",\"id\":\"t\",\"method\":\"" + method
                + "\",\"params\":" + params + "}", Duration.ofSeconds(5));
    }

    @Test
    void referenceNodeCompletesHandshakeInitAndPing() throws Exception {
        // Eclair closes on a peer that lacks one of its mandatory features: data_loss_protect (0/1),
        // var_onion_optin (8/9), option_static_remotekey (12/13), payment_secret (14/15),
        // option_channel_type (44/45)
        PeerConfig config = PeerConfig.defaults().withFeatureBits(Set.of(1, 9, 13, 15, 45));
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
                "bolt01/ping/num-pong-bytes-65531-answered", "bolt01/ping/node-ping-ignored-zeros");
    }

    @Test
    void dialBackMakesEclairTheInitiator() {
        assertThat(target.dialBack()).isPresent();
        CaseRuns.assertAllPass(target, "bolt08/initiator/act1-well-formed",
                "bolt01/initiator/init-first");
    }
}
