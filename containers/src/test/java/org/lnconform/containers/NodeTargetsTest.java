package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.target.TargetFactory;

/** The --node names the CLI finds, and how options pick the image. */
class NodeTargetsTest {

    @Test
    void serviceLoaderFindsTheFourNodes() {
        assertThat(ServiceLoader.load(TargetFactory.class).stream().map(p -> p.get().name())
                .collect(Collectors.toList())).contains("lnd", "ldk", "cln", "eclair");
    }

    @Test
    void theImageOptionWinsOverThePinnedImage() {
        assertThat(NodeTargets.image(Map.of("image", "lnconform/lnd:x"), null, "lightninglabs/lnd:v0.19.3-beta"))
                .isEqualTo("lnconform/lnd:x");
        assertThat(NodeTargets.image(Map.of(), null, "lightninglabs/lnd:v0.19.3-beta"))
                .isEqualTo("lightninglabs/lnd:v0.19.3-beta");
    }

    @Test
    void aChosenImageIsASubstituteForThePinnedOne() {
        assertThat(NodeTargets.substitute("lnconform/lnd:v0.19.3-beta-local", LndContainer.DEFAULT_IMAGE_NAME)
                .isCompatibleWith(LndContainer.DEFAULT_IMAGE_NAME)).isTrue();
    }

    @Test
    void argsAreSplitOnWhitespace() {
        assertThat(NodeTargets.args(Map.of("args", " --debuglevel=debug  --alias=x "))).containsExactly(
                "--debuglevel=debug", "--alias=x");
        assertThat(NodeTargets.args(Map.of())).isEmpty();
    }
}
