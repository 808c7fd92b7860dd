package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.run.Runner;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.harness.target.Target;

/**
 * The README's promise that index.json is stable for diffing: the whole suite, run twice against
 * two fresh starts of the reference node (new keys, new ports), writes the same index.json byte for
 * byte; what differs lives in evidence.json.
 */
class StableIndexTest {

    @TempDir
    Path dir;

    private RunReport runOnce() {
        try (Target target = EmbeddedTarget.start()) {
            return Runner.forTarget(target, 8, r -> {}).run(Catalogue.all());
        }
    }

    /**
     * Cases whose observed sentence depends on how the node's reply races a harness wait (same
     * verdict and outcome either way). Known and to be fixed in the harness; their verdict,
     * outcome and expected text must still be stable, and no other case may join them.
     */
    static final Set<String> OBSERVED_RACES_A_WAIT = Set.of(
            // the node's warning arrives before or after the 300 ms quiet window that follows the early ping
            "bolt01/init/received/ping-before-init");

    @Test
    void twoRunsAgainstTheSameNodeWriteTheSameIndex() throws Exception {
        JsonReport.write(runOnce(), dir.resolve("first"));
        JsonReport.write(runOnce(), dir.resolve("second"));
        List<String> first = Files.readAllLines(dir.resolve("first/index.json"));
        List<String> second = Files.readAllLines(dir.resolve("second/index.json"));
        assertThat(second).hasSameSizeAs(first);
        List<String> differing = new ArrayList<>();
        String caseId = "";
        for (int i = 0; i < first.size(); i++) {
            String a = first.get(i);
            if (a.strip().startsWith("\"id\": ")) {
                caseId = a.strip().replaceAll("^\"id\": \"(.*)\",?$", "$1");
            }
            boolean known = OBSERVED_RACES_A_WAIT.contains(caseId) && a.strip().startsWith("\"observed\": ");
            if (!a.equals(second.get(i)) && !known) {
                differing.add((i + 1) + ": " + a.strip() + "  |  " + second.get(i).strip());
            }
        }
        assertThat(differing).as("lines of index.json that differ between two runs").isEmpty();
        // the volatile part did change: fresh node keys and ephemeral keys each time
        assertThat(Files.readString(dir.resolve("first/evidence.json")))
                .isNotEqualTo(Files.readString(dir.resolve("second/evidence.json")));
    }
}
