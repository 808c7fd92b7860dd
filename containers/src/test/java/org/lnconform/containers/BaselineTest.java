package org.lnconform.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.model.Verdict;

/** Baselines: file names, round trip, and the diff that fails the interop test. */
class BaselineTest {

    private static final Map<String, String> LND = Map.of("name", "lnd", "version", "0.19.3-beta commit=v0.19.3-beta",
            "image", "lnconform/lnd:v0.19.3-beta-local");

    @Test
    void fileNameIsNameAndFirstWordOfTheVersion() {
        assertThat(Baseline.fileName(LND)).isEqualTo("lnd-0.19.3-beta.json");
        assertThat(Baseline.fileName(Map.of("name", "ldk", "version", "0.2.7"))).isEqualTo("ldk-0.2.7.json");
    }

    @Test
    void writtenBaselineReadsBackEqual(@TempDir Path dir) {
        Baseline b = Baseline.of(report(result("a/one", Verdict.PASS), result("a/two", Verdict.FAIL)), Map.of());
        Path file = dir.resolve("lnd.json");
        b.write(file);
        assertThat(Baseline.read(file)).isEqualTo(b);
    }

    @Test
    void diffNamesChangedNewAndVanishedCases() {
        Baseline b = Baseline.of(report(result("a/one", Verdict.PASS), result("a/two", Verdict.FAIL)), Map.of());
        List<String> diff = b.diff(report(result("a/one", Verdict.NON_STRICT), result("a/three", Verdict.PASS)));
        assertThat(diff).hasSize(3);
        assertThat(diff.get(0)).contains("a/one", "baseline: PASS", "now: NON_STRICT", "observed: seen");
        assertThat(diff.get(1)).contains("a/three", "baseline: (new case)");
        assertThat(diff.get(2)).contains("a/two", "now: (gone)");
        assertThat(b.diff(report(result("a/one", Verdict.PASS), result("a/two", Verdict.FAIL)))).isEmpty();
    }

    @Test
    void handWrittenNotesSurviveRegenerationObservationsAreRefreshed() {
        Map<String, String> previous = Map.of("a/two", "lnd ignores it (peer/brontide.go)", "a/three",
                Baseline.OBSERVED + "old", "a/one", "passes now: dropped");
        Baseline b = Baseline.of(report(result("a/one", Verdict.PASS), result("a/two", Verdict.FAIL),
                result("a/three", Verdict.ERROR)), previous);
        assertThat(b.notes()).containsExactly(Map.entry("a/two", "lnd ignores it (peer/brontide.go)"),
                Map.entry("a/three", Baseline.OBSERVED + "seen"));
    }

    @Test
    void casesListedAsUnstableGetNoVerdictAreNotComparedAndStayListed(@TempDir Path dir) {
        Map<String, String> unstable = Map.of("a/two", "lnd syncs with its first peer only (sync_manager.go)");
        Baseline b = Baseline.of(report(result("a/one", Verdict.PASS), result("a/two", Verdict.FAIL)), Map.of(), unstable);
        assertThat(b.verdicts()).containsOnlyKeys("a/one");
        assertThat(b.notes()).isEmpty();
        assertThat(b.diff(report(result("a/one", Verdict.PASS), result("a/two", Verdict.UNSUPPORTED)))).isEmpty();
        assertThat(b.diff(report(result("a/one", Verdict.FAIL), result("a/two", Verdict.PASS)))).hasSize(1);
        Path file = dir.resolve("lnd.json");
        b.write(file);
        assertThat(Baseline.read(file)).isEqualTo(b);
        assertThat(Baseline.read(file).unstable()).isEqualTo(unstable);
    }

    private static RunReport report(CaseResult... results) {
        return new RunReport(LND, Instant.EPOCH, 1, List.of(results));
    }

    private static CaseResult result(String id, Verdict v) {
        CaseInfo info = new CaseInfo(id, "t", List.of(), Level.MUST, Side.RESPONDER, Set.of(), Set.of(), null);
        return new CaseResult(info, v, null, "e", "seen", 1, List.of());
    }
}
