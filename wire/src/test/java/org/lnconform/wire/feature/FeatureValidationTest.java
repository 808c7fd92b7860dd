package org.lnconform.wire.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.lnconform.wire.Bytes;
import org.lnconform.wire.feature.FeatureProblem.Kind;

class FeatureValidationTest {

    private final FeatureTable table = FeatureTable.bolt9();

    private FeatureValidationResult check(FeatureVector global, FeatureVector local) {
        return FeatureValidation.validateInit(global, local, table);
    }

    @Test
    void cleanInitHasNoProblems() {
        FeatureValidationResult r = check(FeatureVector.empty(), FeatureVector.of(5, 27, 61));
        assertThat(r.problems()).isEmpty();
        assertThat(r.mustClose()).isFalse();
    }

    @Test
    void unknownEvenBitClosesAndSaysWhereItWas() {
        int bit = table.highestAssignedBit() + 41;
        FeatureValidationResult r = check(FeatureVector.of(bit), FeatureVector.empty());
        assertThat(r.mustClose()).isTrue();
        assertThat(r.closeReasons()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.UNKNOWN_EVEN_BIT);
            assertThat(p.bit()).isEqualTo(bit);
            assertThat(p.detail()).contains("globalfeatures");
            assertThat(p.kind().requirementId()).isEqualTo("B1-INIT-15");
        });
    }

    @Test
    void unknownOddBitIsOnlyANote() {
        FeatureValidationResult r = check(FeatureVector.empty(), FeatureVector.of(table.highestAssignedBit() + 40));
        assertThat(r.mustClose()).isFalse();
        assertThat(r.problems(Kind.UNKNOWN_ODD_BIT)).hasSize(1);
    }

    @Test
    void globalAndLocalAreCombinedBeforeChecking() {
        // option_zeroconf (51) in features, its dependency option_scid_alias (47) only in globalfeatures.
        FeatureValidationResult r = check(FeatureVector.of(47), FeatureVector.of(51));
        assertThat(r.combined().bits()).containsExactly(47, 51);
        assertThat(r.problems(Kind.MISSING_DEPENDENCY)).isEmpty();
        assertThat(r.problems(Kind.GLOBAL_BIT_ABOVE_13)).singleElement()
                .satisfies(p -> assertThat(p.bit()).isEqualTo(47));
    }

    @Test
    void missingDependencyNamesBothFeatures() {
        FeatureValidationResult r = check(FeatureVector.empty(), FeatureVector.of(61));
        assertThat(r.mustClose()).isTrue();
        assertThat(r.closeReasons()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(Kind.MISSING_DEPENDENCY);
            assertThat(p.detail()).contains("option_simple_close (60/61)", "option_shutdown_anysegwit (26/27)");
        });
    }

    @Test
    void dependencyOnAnAssumedFeatureIsMet() {
        // basic_mpp depends on payment_secret, which BOLT 9 now marks ASSUMED.
        assertThat(check(FeatureVector.empty(), FeatureVector.of(17)).mustClose()).isFalse();
    }

    @Test
    void transitiveDependenciesAreChecked() throws IOException {
        String json = "{\"features\":["
                + "{\"name\":\"a\",\"even_bit\":100,\"dependencies\":[\"b\"],\"context_flags\":[\"I\"],\"allowed_in_init\":true},"
                + "{\"name\":\"b\",\"even_bit\":102,\"dependencies\":[\"c\"],\"context_flags\":[\"I\"],\"allowed_in_init\":true},"
                + "{\"name\":\"c\",\"even_bit\":104,\"context_flags\":[\"I\"],\"allowed_in_init\":true}]}";
        FeatureTable t = FeatureTable.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
        FeatureValidationResult r = FeatureValidation.validateInit(FeatureVector.empty(), FeatureVector.of(101), t);
        assertThat(r.problems(Kind.MISSING_DEPENDENCY)).extracting(FeatureProblem::detail)
                .containsExactly("a (100/101) needs b (102/103), which is not set",
                        "a (100/101) needs c (104/105) (transitively), which is not set");
    }

    @Test
    void senderViolationsAreReportedWithoutClosing() {
        FeatureValidationResult r = check(FeatureVector.empty(), FeatureVector.of(4, 5, 49, 7));
        assertThat(r.mustClose()).isFalse();
        assertThat(r.problems(Kind.BOTH_BITS_SET)).singleElement().satisfies(p -> assertThat(p.bit()).isEqualTo(4));
        assertThat(r.problems(Kind.NOT_IN_INIT_CONTEXT)).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("option_payment_metadata"));
        assertThat(r.problems(Kind.NO_CONTEXT)).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("gossip_queries"));
    }

    @Test
    void rawBytesAlsoCheckMinimalLength() {
        FeatureValidationResult r = FeatureValidation.validateInit(Bytes.empty(), Bytes.fromHex("000020"), table);
        assertThat(r.problems(Kind.NOT_MINIMAL_LENGTH)).singleElement()
                .satisfies(p -> assertThat(p.detail()).contains("features is 3 bytes; 1 would hold"));
        assertThat(r.combined().bits()).containsExactly(5);
    }
}
