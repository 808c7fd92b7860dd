package org.lnconform.vectors.bolt03;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;

/** Fails if an item of a BOLT 3 vector file is not replayed, or a bolt03 file has no replay. */
class Bolt03VectorCoverageTest {

    @Test
    void everyBolt03FileHasAReplay() throws IOException, URISyntaxException {
        URL known = getClass().getResource(Bolt03Vectors.DIR + Bolt03Vectors.FUNDING);
        assertThat(known).isNotNull();
        try (Stream<Path> files = Files.list(Path.of(known.toURI()).getParent())) {
            List<String> bolt03 = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("bolt03-") && n.endsWith(".json")).sorted().toList();
            assertThat(bolt03).containsExactlyInAnyOrder(Bolt03Vectors.FUNDING, Bolt03Vectors.COMMITMENT,
                    Bolt03Vectors.ANCHORS, Bolt03Vectors.SECRETS, Bolt03Vectors.KEYS);
        }
    }

    @Test
    void everyCommitmentVectorAndEveryHtlcTransactionIsReplayed() {
        assertContainers(CommitmentVectorTest.vectors(), CommitmentVectorTest.DATA.get("vectors").size());
        var c = CommitmentVectorTest.DATA.get("vectors");
        for (int i = 0; i < c.size(); i++) {
            assertThat(children(CommitmentVectorTest.vectors().get(i)))
                    .as(c.get(i).get("name").asText())
                    .hasSizeGreaterThanOrEqualTo(4 + c.get(i).get("htlc_txs").size());
        }
        var f = AnchorsCommitmentVectorTest.DATA.get("vectors");
        assertContainers(AnchorsCommitmentVectorTest.vectors(), f.size());
        for (int i = 0; i < f.size(); i++) {
            assertThat(children(AnchorsCommitmentVectorTest.vectors().get(i)))
                    .as(f.get(i).get("Name").asText()).hasSize(4 + f.get(i).get("HtlcDescs").size());
        }
    }

    @Test
    void everySecretAndKeyVectorIsReplayed() {
        var d = PerCommitmentSecretVectorTest.DATA;
        assertThat(PerCommitmentSecretVectorTest.generationCases()).hasSize(d.get("generation").size()).hasSize(5);
        assertThat(PerCommitmentSecretVectorTest.storageCases()).hasSize(d.get("storage").size()).hasSize(9);
        assertThat(KeyDerivationVectorTest.cases()).hasSize(KeyDerivationVectorTest.DATA.get("vectors").size() + 1)
                .hasSize(5);
        assertThat(FundingVectorTest.cases()).isNotEmpty();
    }

    private static void assertContainers(List<DynamicContainer> containers, int expected) {
        assertThat(containers).hasSize(expected);
    }

    private static List<DynamicNode> children(DynamicContainer c) {
        return c.getChildren().map(DynamicNode.class::cast).toList();
    }
}
