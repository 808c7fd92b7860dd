package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;
import static org.lnconform.vectors.bolt03.Bolt03Vectors.*;

import com.fasterxml.jackson.databind.JsonNode;
import fr.acinq.bitcoin.PrivateKey;
import fr.acinq.bitcoin.PublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.lnconform.bolt3.KeyDerivation;

/** BOLT 3 Appendix E, Key Derivation Test Vectors: one test per named vector. */
class KeyDerivationVectorTest {

    static final JsonNode DATA = data(KEYS);

    @TestFactory
    Stream<DynamicTest> keyDerivation() {
        return cases().stream();
    }

    static List<DynamicTest> cases() {
        PrivateKey baseSecret = priv(DATA, "base_secret");
        PrivateKey perCommitmentSecret = priv(DATA, "per_commitment_secret");
        PublicKey basepoint = pub(DATA, "base_point");
        PublicKey point = pub(DATA, "per_commitment_point");
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("base_point and per_commitment_point are the secrets times G", () -> {
            assertThat(baseSecret.publicKey()).isEqualTo(basepoint);
            assertThat(KeyDerivation.perCommitmentPoint(perCommitmentSecret.value.toByteArray())).isEqualTo(point);
        }));
        for (JsonNode v : DATA.get("vectors")) {
            String expected = v.get("output").asText();
            tests.add(dynamicTest(v.get("name").asText(), () -> {
                String actual = switch (v.get("output_name").asText()) {
                    case "localpubkey" -> KeyDerivation.derivePubkey(basepoint, point).toHex();
                    case "localprivkey" -> KeyDerivation.derivePrivkey(baseSecret, point).toHex();
                    case "revocationpubkey" -> KeyDerivation.revocationPubkey(basepoint, point).toHex();
                    case "revocationprivkey" -> KeyDerivation.revocationPrivkey(baseSecret, perCommitmentSecret).toHex();
                    default -> throw new IllegalStateException("unknown output " + v.get("output_name"));
                };
                assertThat(actual).isEqualTo(expected);
            }));
        }
        return tests;
    }
}
