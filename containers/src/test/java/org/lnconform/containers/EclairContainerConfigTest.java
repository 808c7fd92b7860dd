package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;

/**
 * Eclair's JVM options, getinfo parsing and connect form, without Docker: its image cannot be
 * pulled on lnconform's build machine, so this is all that is checked there.
 */
class EclairContainerConfigTest {

    private static final String KEY = "03933884aaf1d6b108397e5efe5c86bcf2d8ca8d2f700eda99db9214fc2712b134";

    @Test
    void getinfoGivesNodeIdAndVersion() throws Exception {
        String json = "{\"version\":\"0.12.0-4df8cd5\",\"nodeId\":\"" + KEY + "\",\"alias\":\"eclair\","
                + "\"color\":\"#49daaa\",\"features\":{},\"chainHash\":\"06226e46111a0b59caaf126043eb5bbf28c34f3a5e332a1fc7b2b73cf188910f\","
                + "\"network\":\"regtest\",\"blockHeight\":1,\"publicAddresses\":[],\"instanceId\":\"x\"}";
        EclairContainer.Info info = EclairContainer.parseGetInfo(HttpJson.JSON.readTree(json)).orElseThrow();
        assertThat(info.nodeId()).isEqualTo(KEY);
        assertThat(info.version()).isEqualTo("0.12.0-4df8cd5");
    }

    @Test
    void getinfoWithoutANodeIdIsNotReady() throws Exception {
        assertThat(EclairContainer.parseGetInfo(HttpJson.JSON.readTree("{\"error\":\"starting\"}"))).isEmpty();
    }

    @Test
    void javaOptionsSetRegtestLoopbackTheApiAndBitcoind() {
        BitcoindContainer bitcoind = new BitcoindContainer();
        EclairContainer eclair = new EclairContainer(bitcoind).withJavaOptions("-Declair.node-alias=lnconform");
        assertThat(eclair.getImageName()).isEqualTo("acinq/eclair:release-0.12.0");
        assertThat(eclair.javaOptions()).contains("-Declair.chain=regtest", "-Declair.server.binding-ip=127.0.0.1",
                "-Declair.server.port=" + eclair.getP2pPort(), "-Declair.api.enabled=true",
                "-Declair.api.binding-ip=127.0.0.1", "-Declair.api.port=" + eclair.getApiPort(),
                "-Declair.api.password=" + eclair.getApiPassword(), "-Declair.bitcoind.rpcport=" + bitcoind.getRpcPort(),
                "-Declair.bitcoind.zmqblock=" + bitcoind.getZmqBlockEndpoint(),
                "-Declair.bitcoind.zmqtx=" + bitcoind.getZmqTxEndpoint(), "-Declair.node-alias=lnconform");
    }

    @Test
    void connectFormCarriesTheHarnessUri() {
        NodeUri harness = NodeUri.parse(KEY + "@127.0.0.1:40000");
        assertThat(EclairContainer.connectForm(harness)).isEqualTo("uri=" + KEY + "%40127.0.0.1%3A40000");
    }
}
