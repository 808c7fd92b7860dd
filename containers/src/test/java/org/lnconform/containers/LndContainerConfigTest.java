package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;
import org.testcontainers.utility.DockerImageName;

/** lnd's command line and REST bodies, without Docker. */
class LndContainerConfigTest {

    private static final NodeUri PEER =
            NodeUri.parse("03d3a6644243ebc4f94fb314ce69d7e16e9642cbfa0a7a6a4899884c3e82cb72ff@127.0.0.1:19735");

    @Test
    void officialImageGetsRegtestWithoutChainBackendWalletAndMacaroons() {
        LndContainer lnd = new LndContainer();
        assertThat(lnd.getImageName()).isEqualTo("lightninglabs/lnd:v0.19.3-beta");
        assertThat(lnd.usesLocalConventions()).isFalse();
        assertThat(lnd.lndArgs()).startsWith("--bitcoin.regtest", "--bitcoin.node=nochainbackend", "--noseedbackup",
                "--no-macaroons");
    }

    @Test
    void localImageRelieOnItsEntrypointForTheFixedFlags() {
        LndContainer lnd = new LndContainer(LndContainer.LOCAL_IMAGE);
        assertThat(lnd.usesLocalConventions()).isTrue();
        assertThat(lnd.lndArgs()).noneMatch(a -> a.startsWith("--bitcoin.") || a.equals("--noseedbackup"));
    }

    @Test
    void conventionsCanBeForcedEitherWay() {
        assertThat(new LndContainer().withLocalImageConventions(true).usesLocalConventions()).isTrue();
        assertThat(new LndContainer(LndContainer.LOCAL_IMAGE).withLocalImageConventions(false).lndArgs())
                .contains("--bitcoin.regtest");
    }

    @Test
    void everyListenerIsOnLoopbackOnItsOwnPortAndRestIsPlainHttp() {
        LndContainer lnd = new LndContainer().withLndArgs("--debuglevel=debug");
        List<String> args = lnd.lndArgs();
        assertThat(args).contains("--listen=127.0.0.1:" + lnd.getP2pPort(), "--rpclisten=127.0.0.1:" + lnd.getRpcPort(),
                "--restlisten=127.0.0.1:" + lnd.getRestPort(), "--no-rest-tls", "--debuglevel=debug");
        assertThat(List.of(lnd.getP2pPort(), lnd.getRpcPort(), lnd.getRestPort())).doesNotHaveDuplicates();
        assertThat(lnd.getRestUrl()).isEqualTo("http://127.0.0.1:" + lnd.getRestPort());
    }

    @Test
    void anUnrelatedImageIsRefusedUnlessDeclaredASubstitute() {
        assertThatThrownBy(() -> new LndContainer("example/other:1")).isInstanceOf(IllegalStateException.class);
        assertThat(new LndContainer(DockerImageName.parse("example/other:1").asCompatibleSubstituteFor("lightninglabs/lnd"))
                .getImageName()).isEqualTo("example/other:1");
    }

    @Test
    void connectPeerBodyIsAConnectPeerRequest() throws Exception {
        JsonNode body = HttpJson.JSON.readTree(LndContainer.connectPeerBody(PEER, 5));
        assertThat(body.path("addr").path("pubkey").asText()).isEqualTo(PEER.publicKeyHex());
        assertThat(body.path("addr").path("host").asText()).isEqualTo("127.0.0.1:19735");
        assertThat(body.path("perm").asBoolean(true)).isFalse();
        assertThat(body.path("timeout").asText()).isEqualTo("5");
    }

    @Test
    void gettersBeforeStartSayItIsNotStarted() {
        assertThatThrownBy(() -> new LndContainer().getNodeUri()).hasMessageContaining("not started");
    }
}
