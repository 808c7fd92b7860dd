package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;
import org.testcontainers.utility.DockerImageName;

/**
 * Core Lightning's configuration, readiness line and dial-back command, without Docker. The
 * stand-in set-up also runs for real in {@link ClnContainerTest}; the bitcoind set-up (official
 * image) cannot be pulled on lnconform's build machine, so this is all that is checked of it.
 */
class ClnContainerConfigTest {

    private static final String KEY = "0266e4598d1d3c415f572a8488830b60f7e744ed9235eb0b1ba93283b315c03518";

    @Test
    void startedLineGivesIdAliasColourAndVersion() {
        String logs = "2025-12-01T10:00:00.000Z INFO    lightningd: --------------------------------------------------\n"
                + "2025-12-01T10:00:00.001Z INFO    lightningd: Server started with public key " + KEY
                + ", alias SILENTARTIST-v25.12.1 (color #0266e4) and lightningd v25.12.1\n";
        ClnContainer.StartedLine line = ClnContainer.parseStartedLine(logs).orElseThrow();
        assertThat(line.nodeId()).isEqualTo(KEY);
        assertThat(line.alias()).isEqualTo("SILENTARTIST-v25.12.1");
        assertThat(line.color()).isEqualTo("0266e4");
        assertThat(line.version()).isEqualTo("v25.12.1");
    }

    @Test
    void noStartedLineYet() {
        assertThat(ClnContainer.parseStartedLine("INFO lightningd: Creating database\n")).isEmpty();
    }

    @Test
    void lightningdTalksToItsBitcoindAndListensOnLoopback() {
        BitcoindContainer bitcoind = new BitcoindContainer();
        ClnContainer cln = new ClnContainer(bitcoind).withLightningdArgs("--log-level=io");
        assertThat(cln.getImageName()).isEqualTo("elementsproject/lightningd:v25.12.1");
        assertThat(cln.getEnvMap()).containsEntry("LIGHTNINGD_NETWORK", "regtest");
        assertThat(cln.lightningdArgs()).contains("--bitcoin-rpcconnect=127.0.0.1",
                "--bitcoin-rpcport=" + bitcoind.getRpcPort(), "--bitcoin-rpcuser=" + bitcoind.getRpcUser(),
                "--bitcoin-rpcpassword=" + bitcoind.getRpcPassword(), "--bind-addr=127.0.0.1:" + cln.getP2pPort(),
                "--log-level=io");
        assertThat(cln.getDependencies()).contains(bitcoind);
    }

    @Test
    void dialBackIsLightningCliConnectWithTheHarnessUri() {
        NodeUri harness = NodeUri.parse(KEY + "@127.0.0.1:40000");
        ClnContainer cln = new ClnContainer(new BitcoindContainer());
        assertThat(cln.connectCommand(harness))
                .containsExactly("lightning-cli", "--network=regtest", "connect", KEY + "@127.0.0.1:40000");
        assertThat(cln.dialBack()).isPresent();
    }

    @Test
    void standInModeHasNoBitcoindAndNoRpcOptions() {
        ClnContainer cln = ClnContainer.local().withLightningdArgs("--log-level=io");
        assertThat(cln.usesStandInChain()).isTrue();
        assertThat(cln.getImageName()).isEqualTo("lnconform/cln:26.06.6-local");
        assertThat(cln.getDependencies()).isEmpty();
        assertThat(cln.getEnvMap()).doesNotContainKey("LIGHTNINGD_NETWORK");
        // lightningd refuses --bitcoin-rpc* once bcli is disabled (the image's entrypoint does that)
        assertThat(cln.lightningdArgs()).noneMatch(a -> a.startsWith("--bitcoin-"))
                .containsExactly("--bind-addr=127.0.0.1:" + cln.getP2pPort(), "--log-level=debug", "--log-level=io");
    }

    @Test
    void standInDialBackNamesTheImagesLightningDir() {
        NodeUri harness = NodeUri.parse(KEY + "@127.0.0.1:40000");
        assertThat(ClnContainer.local().connectCommand(harness)).containsExactly("lightning-cli", "--network=regtest",
                "--lightning-dir=/tmp/lightning", "connect", KEY + "@127.0.0.1:40000");
        assertThat(ClnContainer.local().dialBack()).isPresent();
    }

    @Test
    void theNodeTargetPicksTheChainFromTheImageUnlessTold() {
        DockerImageName local = ClnContainer.LOCAL_IMAGE;
        DockerImageName official = DockerImageName.parse("elementsproject/lightningd:v25.12.1");
        assertThat(NodeTargets.Cln.standIn(Map.of(), local)).isTrue();
        assertThat(NodeTargets.Cln.standIn(Map.of(), official)).isFalse();
        assertThat(NodeTargets.Cln.standIn(Map.of("bitcoind-image", "bitcoin/bitcoin:28.1"), local)).isFalse();
        assertThat(NodeTargets.Cln.standIn(Map.of("chain", "standin"), official)).isTrue();
        assertThat(NodeTargets.Cln.standIn(Map.of("chain", "bitcoind"), local)).isFalse();
        assertThatThrownBy(() -> NodeTargets.Cln.standIn(Map.of("chain", "neutrino"), local))
                .hasMessageContaining("standin or bitcoind");
    }

    @Test
    void otherImagesMustBeDeclaredSubstitutes() {
        assertThatThrownBy(() -> new ClnContainer(DockerImageName.parse("example/cln:1")))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new ClnContainer(DockerImageName.parse("example/cln:1")
                .asCompatibleSubstituteFor("lnconform/cln")).usesStandInChain()).isTrue();
    }
}
