package org.lnconform.wire.feature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FeatureTableTest {

    private final FeatureTable table = FeatureTable.bolt9();

    @Test
    void loadsTheBundledTable() {
        assertThat(table.features()).hasSize(23);
        assertThat(table.specCommit()).isEqualTo("a3772650d8ebc06acf457fcadf97968ebfc4dfff");
        assertThat(table.highestAssignedBit()).isEqualTo(63);
        assertThat(table.assumed()).extracting(Feature::evenBit).containsExactly(0, 8, 12, 14, 44);
    }

    @Test
    void looksUpByNameAndEitherBit() {
        Feature mpp = table.byName("basic_mpp").orElseThrow();
        assertThat(mpp.bits()).isEqualTo("16/17");
        assertThat(table.byBit(17)).contains(mpp);
        assertThat(table.isKnown(2)).isFalse();
        assertThat(mpp.contexts()).containsExactlyInAnyOrder(
                FeatureContext.INIT, FeatureContext.NODE_ANNOUNCEMENT, FeatureContext.INVOICE);
        assertThat(table.byName("option_payment_metadata").orElseThrow().allowedInInit()).isFalse();
    }

    @Test
    void resolvesDependencies() {
        Feature zeroconf = table.byName("option_zeroconf").orElseThrow();
        assertThat(table.dependencies(zeroconf)).extracting(Feature::name).containsExactly("option_scid_alias");
        assertThat(table.transitiveDependencies(zeroconf)).extracting(Feature::evenBit).containsExactly(46);
    }

    @Test
    void rejectsDanglingDependency() {
        String json = "{\"features\":[{\"name\":\"a\",\"even_bit\":100,\"dependencies\":[\"b\"]}]}";
        assertThatThrownBy(() -> FeatureTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IOException.class).hasMessageContaining("unknown feature b");
    }

    @Test
    void followsTransitiveChains() throws IOException {
        String json = "{\"features\":["
                + "{\"name\":\"a\",\"even_bit\":100,\"dependencies\":[\"b\"],\"context_flags\":[\"I\"],\"allowed_in_init\":true},"
                + "{\"name\":\"b\",\"even_bit\":102,\"dependencies\":[\"c\"],\"context_flags\":[\"I\"],\"allowed_in_init\":true},"
                + "{\"name\":\"c\",\"even_bit\":104,\"context_flags\":[\"I\"],\"allowed_in_init\":true}]}";
        FeatureTable t = FeatureTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        assertThat(t.transitiveDependencies(t.byName("a").orElseThrow())).extracting(Feature::name).containsExactly("b", "c");
    }
}
