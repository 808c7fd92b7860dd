package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;

/** Eclair's settings in both modes, getinfo parsing and the connect form, without Docker. */
class EclairContainerConfigTest {

    private static final String KEY = "03933884aaf1d6b108397e5efe5c86bcf2d8ca8d2f700eda99db9214fc2712b134";

    @Test
    void getinfoGivesNodeIdAndVersion() throws Exception {
        String json = "{\"version\":\"0.13.0-992ec8c\",\"nodeId\":\"" + KEY + "\",\"alias\":\"eclair\","
                + "\"color\":\"#49daaa\",\"features\":{},\"chainHash\":\"06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f\","
                + "\"network\":\"regtest\",\"blockHeight\":0,\"publicAddresses\":[],\"instanceId\":\"x\"}";
        EclairContainer.Info info = EclairContainer.parseGetInfo(HttpJson.JSON.readTree(json)).orElseThrow();
        assertThat(info.nodeId()).isEqualTo(KEY);
        assertThat(info.version()).isEqualTo("0.13.0-992ec8c");
        // the baseline file is named after the first word: eclair-0.13.0.json
        assertThat(info.displayVersion()).isEqualTo("0.13.0 commit=992ec8c");
    }

    @Test
    void aVersionWithoutACommitIsKeptAsIs() {
        assertThat(new EclairContainer.Info(KEY, "0.13.0").displayVersion()).isEqualTo("0.13.0");
        assertThat(new EclairContainer.Info(KEY, "0.13.0-SNAPSHOT").displayVersion()).isEqualTo("0.13.0-SNAPSHOT");
    }

    @Test
    void getinfoWithoutANodeIdIsNotReady() throws Exception {
        assertThat(EclairContainer.parseGetInfo(HttpJson.JSON.readTree("{\"error\":\"starting\"}"))).isEmpty();
    }

    @Test
    void realBitcoindModeSetsRegtestLoopbackTheApiAndBitcoindInJavaOpts() {
        BitcoindContainer bitcoind = new BitcoindContainer();
        EclairContainer eclair = new EclairContainer(bitcoind).withJavaOptions("-Declair.node-alias=lnconform");
        assertThat(eclair.usesStandIn()).isFalse();
        assertThat(eclair.getImageName()).isEqualTo("acinq/eclair:release-0.12.0");
        assertThat(eclair.javaOptions()).contains("-Xmx512m", "-Declair.chain=regtest",
                "-Declair.server.binding-ip=127.0.0.1", "-Declair.server.port=" + eclair.getP2pPort(),
                "-Declair.api.enabled=true", "-Declair.api.binding-ip=127.0.0.1",
                "-Declair.api.port=" + eclair.getApiPort(), "-Declair.api.password=" + eclair.getApiPassword(),
                "-Declair.bitcoind.rpcport=" + bitcoind.getRpcPort(),
                "-Declair.bitcoind.zmqblock=" + bitcoind.getZmqBlockEndpoint(),
                "-Declair.bitcoind.zmqtx=" + bitcoind.getZmqTxEndpoint(), "-Declair.node-alias=lnconform");
        // JAVA_OPTS is word-split by the official image's launcher script: no spaces in any option
        assertThat(eclair.javaOptions()).noneMatch(o -> o.contains(" "));
    }

    @Test
    void standInModeTellsEclairAndTheStandInTheSameLoopbackEndpoints() {
        EclairContainer eclair = new EclairContainer().withJavaOptions("-Xmx1g", "-Declair.node-alias=x");
        assertThat(eclair.usesStandIn()).isTrue();
        assertThat(eclair.getImageName()).isEqualTo("lnconform/eclair:0.13.0-local");
        assertThat(eclair.eclairSettings()).contains("-Declair.chain=regtest", "-Declair.node-alias=x",
                "-Declair.bitcoind.host=127.0.0.1", "-Declair.bitcoind.rpcuser=lnconform")
                .anyMatch(o -> o.matches("-Declair\\.bitcoind\\.rpcport=[0-9]+"))
                .anyMatch(o -> o.matches("-Declair\\.bitcoind\\.rpcpassword=[0-9a-f]{32}"))
                .anyMatch(o -> o.matches("-Declair\\.bitcoind\\.zmqblock=tcp://127\\.0\\.0\\.1:[0-9]+"))
                .anyMatch(o -> o.matches("-Declair\\.bitcoind\\.zmqtx=tcp://127\\.0\\.0\\.1:[0-9]+"))
                .allMatch(o -> o.startsWith("-D"));
        // JVM flags go apart (JDK_JAVA_OPTIONS): the image's launcher takes only -D arguments
        assertThat(eclair.jvmFlags()).containsExactly("-Xmx512m", "-Xmx1g");
    }

    @Test
    void thePingIntervalIsShortEnoughForTheNodePingCase() {
        EclairContainer eclair = new EclairContainer();
        // bolt01/ping/node-ping-ignored-zeros waits the reply bound (5 s) after init for the node's ping
        assertThat(eclair.getPingIntervalSeconds()).isLessThan(5);
        assertThat(eclair.eclairSettings()).contains("-Declair.peer-connection.ping-interval="
                + EclairContainer.DEFAULT_PING_INTERVAL + "s");
        assertThat(new EclairContainer().withPingIntervalSeconds(30).eclairSettings())
                .contains("-Declair.peer-connection.ping-interval=30s");
    }

    @Test
    void onlyLnconformsImageBringsItsOwnBitcoind() {
        assertThat(NodeTargets.Eclair.usesStandIn("lnconform/eclair:0.13.0-local")).isTrue();
        assertThat(NodeTargets.Eclair.usesStandIn("acinq/eclair:release-0.12.0")).isFalse();
    }

    @Test
    void connectFormCarriesTheHarnessUri() {
        NodeUri harness = NodeUri.parse(KEY + "@127.0.0.1:40000");
        assertThat(EclairContainer.connectForm(harness)).isEqualTo("uri=" + KEY + "%40127.0.0.1%3A40000");
    }
}
