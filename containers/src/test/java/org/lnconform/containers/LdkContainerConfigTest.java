package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.lnconform.peer.NodeUri;

/** The LDK peer's command line and its URI line, without Docker. */
class LdkContainerConfigTest {

    private static final String KEY = "02b33103b1f93161777abc65049ccb859376935e67085a9b7c063aa67f88d39ae1";

    @Test
    void theUriLineIsFoundAmongOtherOutput() {
        String stdout = "something else\nURI " + KEY + "@127.0.0.1:42659\n";
        assertThat(LdkContainer.parseUriLine(stdout)).contains(NodeUri.parse(KEY + "@127.0.0.1:42659"));
    }

    @Test
    void noUriLineYetMeansNotReady() {
        assertThat(LdkContainer.parseUriLine("")).isEmpty();
        assertThat(LdkContainer.parseUriLine("URI " + KEY.substring(2) + "@127.0.0.1:1\n")).isEmpty();
        assertThat(LdkContainer.parseUriLine("ldk-peer: URI " + KEY + "@127.0.0.1:1\n")).isEmpty();
    }

    @Test
    void portAndOptionsGoOnTheCommandLine() {
        LdkContainer ldk = new LdkContainer().withPort(19736).withControlPort(19737).withTickSeconds(30)
                .withLogLevel("debug");
        assertThat(ldk.ldkArgs()).containsExactly("--port", "19736", "--control", "19737", "--tick-secs", "30",
                "--log", "debug");
        assertThat(ldk.dialBack()).isPresent();
    }

    @Test
    void withoutTheControlInterfaceThereIsNoDialBack() {
        LdkContainer ldk = new LdkContainer().withPort(19736).withControlPort(0);
        assertThat(ldk.ldkArgs()).containsExactly("--port", "19736");
        assertThat(ldk.dialBack()).isEmpty();
    }

    @Test
    void controlRepliesOkGiveTheirTextErrorsAndSilenceAreIoErrors() throws Exception {
        assertThat(LdkContainer.parseReply("peers", "ok")).isEmpty();
        assertThat(LdkContainer.parseReply("peers", "ok " + KEY)).isEqualTo(KEY);
        assertThatThrownBy(() -> LdkContainer.parseReply("connect x", "error could not connect to x"))
                .isInstanceOf(IOException.class).hasMessageContaining("could not connect to x");
        assertThatThrownBy(() -> LdkContainer.parseReply("peers", null)).isInstanceOf(IOException.class)
                .hasMessageContaining("closed without answering");
        assertThatThrownBy(() -> LdkContainer.parseReply("peers", "okay")).isInstanceOf(IOException.class);
    }

    @Test
    void theDefaultImageIsTheLocalBuildAndItsVersionIsLdks() {
        LdkContainer ldk = new LdkContainer();
        assertThat(ldk.getImageName()).isEqualTo("lnconform/ldk-node:0.2.7-local");
        assertThat(ldk.getNodeVersion()).isEqualTo(LdkContainer.LDK_VERSION);
    }
}
