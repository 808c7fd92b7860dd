package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;

/**
 * Core Lightning's configuration, readiness line and dial-back command, without Docker: its image
 * cannot be pulled on lnconform's build machine, so this is all that is checked there.
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
        assertThat(ClnContainer.connectCommand(harness))
                .containsExactly("lightning-cli", "--network=regtest", "connect", KEY + "@127.0.0.1:40000");
        assertThat(new ClnContainer(new BitcoindContainer()).dialBack()).isPresent();
    }
}
