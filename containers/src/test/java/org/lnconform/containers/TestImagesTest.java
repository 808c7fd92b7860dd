package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Node names of the interop matrix, the variables .ci/image-env.sh exports for them, and the local fallbacks. */
class TestImagesTest {

    @Test
    void aNodeIsAnImplementationOptionallyWithARelease() {
        assertThat(TestImages.implementation("lnd")).isEqualTo("lnd");
        assertThat(TestImages.implementation("lnd-v0.21.3-beta")).isEqualTo("lnd");
        assertThat(TestImages.implementation("reference")).isEqualTo("reference");
    }

    @Test
    void variablesAreNamedAsImageEnvNamesThem() {
        assertThat(TestImages.envVariable("lnd")).isEqualTo("LNCONFORM_LND_IMAGE");
        assertThat(TestImages.envVariable("lnd-v0.21.3-beta")).isEqualTo("LNCONFORM_LND_V0_21_3_BETA_IMAGE");
        assertThat(TestImages.envVariable("eclair")).isEqualTo("LNCONFORM_ECLAIR_IMAGE");
    }

    @Test
    void withoutPropertyOrVariableALocalBuildOfThatReleaseRuns() {
        String node = "lnd-v0.0.1-test";
        assertThat(System.getenv(TestImages.envVariable(node))).isNull();
        assertThat(TestImages.forNode(node)).isEqualTo("lnconform/lnd:v0.0.1-test-local");
        assertThat(TestImages.forNodeOrNone("reference")).isEmpty();
    }
}
