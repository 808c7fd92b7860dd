package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.utility.DockerImageName;

/**
 * A node that does not start is an infrastructure failure: {@link ContainerTarget#start} throws
 * IllegalStateException (which the CLI maps to exit code 3 and JUnit reports as an error, not a
 * failure) carrying the node's own last log lines, and no container is left running.
 */
@RequiresDocker(nodes = {"lnd", "ldk"})
class NodeStartFailureTest {

    @Test
    void ldkRejectingItsCommandLineIsAnErrorWithItsLogTail() {
        LdkContainer ldk = new LdkContainer(DockerImageName.parse(TestImages.ldk())
                .asCompatibleSubstituteFor("lnconform/ldk-node")).withLdkArgs("--no-such-flag");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> ContainerTarget.start("ldk", "LDK", ldk))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start ldk")
                .hasMessageContaining("last 25 lines of its output")
                .hasMessageContaining("unknown argument \"--no-such-flag\"");
        assertThat((System.nanoTime() - t0) / 1_000_000_000).as("seconds until the failure is known").isLessThan(25);
        assertThat(ldk.isRunning()).isFalse();
    }

    @Test
    void lndExitingAtStartIsAnErrorWithItsLogTail() {
        Map<String, String> options = Map.of("image", TestImages.lnd(), "args", "--no-such-flag");
        assertThatThrownBy(() -> new NodeTargets.Lnd().start(options))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("could not start lnd")
                .hasMessageContaining("unknown flag `no-such-flag'");
    }
}
