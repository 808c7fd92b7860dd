package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.lnconform.vectors.bolt03.Bolt03Vectors.*;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.bolt3.PerCommitmentSecret;
import org.lnconform.bolt3.PerCommitmentSecretStore;
import org.lnconform.bolt3.SecretMismatchException;

/** BOLT 3 Appendix D: the generation tests and the compact storage tests, one test per named vector. */
class PerCommitmentSecretVectorTest {

    static final JsonNode DATA = data(SECRETS);

    @TestFactory
    Stream<DynamicTest> generation() {
        return generationCases().stream();
    }

    @TestFactory
    Stream<DynamicTest> storage() {
        return storageCases().stream();
    }

    static List<DynamicTest> generationCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : DATA.get("generation")) {
            tests.add(dynamicTest(v.get("name").asText(), () -> assertThat(
                    hex(PerCommitmentSecret.generateFromSeed(bytes(v, "seed"), v.get("I").asLong())))
                    .isEqualTo(v.get("output").asText())));
        }
        return tests;
    }

    /**
     * Each step inserts a secret and expects OK or ERROR; after each OK, every secret inserted
     * so far must still be derivable from the store.
     */
    static List<DynamicTest> storageCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode v : DATA.get("storage")) {
            tests.add(dynamicTest(v.get("name").asText(), () -> {
                PerCommitmentSecretStore store = new PerCommitmentSecretStore();
                Map<Long, String> accepted = new LinkedHashMap<>();
                for (JsonNode step : v.get("steps")) {
                    long index = step.get("I").asLong();
                    byte[] secret = bytes(step, "secret");
                    if (step.get("output").asText().equals("OK")) {
                        store.insert(secret, index);
                        accepted.put(index, hex(secret));
                        accepted.forEach((i, s) -> assertThat(store.deriveOld(i)).as("secret %d", i)
                                .hasValueSatisfying(d -> assertThat(hex(d)).isEqualTo(s)));
                    } else {
                        assertThat(step.get("output").asText()).isEqualTo("ERROR");
                        assertThatThrownBy(() -> store.insert(secret, index))
                                .isInstanceOf(SecretMismatchException.class)
                                .satisfies(e -> assertThat(((SecretMismatchException) e).index()).isEqualTo(index));
                    }
                }
            }));
        }
        return tests;
    }
}
