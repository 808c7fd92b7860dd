package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What a user is told when no container can be started. */
class DockerEngineTest {

    @Test
    void missingBridgeNetworkPointsAtTheHostOverride() {
        String m = DockerEngine.explain(new RuntimeException("Status 404: network bridge not found"), null, "true",
                true);
        assertThat(m).startsWith("no usable Docker engine: Status 404: network bridge not found")
                .contains("TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1").doesNotContain("RYUK");
    }

    @Test
    void noEngineSaysHowToStartOne() {
        String m = DockerEngine.explain(new IllegalStateException("Could not find a valid Docker environment"),
                "127.0.0.1", "true", false);
        assertThat(m).contains("bash .ci/docker.sh").doesNotContain("HOST_OVERRIDE");
    }

    @Test
    void ryukStillOnIsNamed() {
        String m = DockerEngine.explain(new RuntimeException("pull of testcontainers/ryuk failed"), "127.0.0.1", null,
                false);
        assertThat(m).contains("TESTCONTAINERS_RYUK_DISABLED=true");
    }
}
