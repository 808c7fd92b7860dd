package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void twoRunsAgainstTheSameNodeWriteTheSameIndex() throws Exception {
        JsonReport.write(runOnce(), dir.resolve("first"));
        JsonReport.write(runOnce(), dir.resolve("second"));
        List<String> first = Files.readAllLines(dir.resolve("first/index.json"));
        List<String> second = Files.readAllLines(dir.resolve("second/index.json"));
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < Math.max(first.size(), second.size()); i++) {
            String a = i < first.size() ? first.get(i) : "";
            String b = i < second.size() ? second.get(i) : "";
            if (!a.equals(b)) {
                differing.add((i + 1) + ": " + a.strip() + "  |  " + b.strip());
            }
        }
        assertThat(differing).as("lines of index.json that differ between two runs").isEmpty();
        // the volatile part did change: fresh node keys and ephemeral keys each time
        assertThat(Files.readString(dir.resolve("first/evidence.json")))
                .isNotEqualTo(Files.readString(dir.resolve("second/evidence.json")));
    }
}
