package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** bitcoind's command line, without Docker. */
class BitcoindContainerConfigTest {

    @Test
    void regtestWithRpcAndZmqOnLoopbackAndNoP2p() {
        BitcoindContainer b = new BitcoindContainer();
        assertThat(b.getImageName()).isEqualTo("bitcoin/bitcoin:28.1");
        assertThat(b.bitcoindArgs()).contains("-regtest", "-server", "-listen=0", "-rpcbind=127.0.0.1",
                "-rpcallowip=127.0.0.1", "-rpcport=" + b.getRpcPort(), "-rpcuser=" + b.getRpcUser(),
                "-rpcpassword=" + b.getRpcPassword(), "-zmqpubhashblock=" + b.getZmqBlockEndpoint(),
                "-zmqpubrawtx=" + b.getZmqTxEndpoint());
        assertThat(b.getZmqBlockEndpoint()).startsWith("tcp://127.0.0.1:");
        assertThat(b.getRpcPassword()).hasSize(32);
    }
}
