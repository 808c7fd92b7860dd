package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.RunReport;

class ReportsTest {

    @TempDir
    Path dir;

    @Test
    void writeAllWritesEveryReport() {
        Reports.writeAll(SampleRuns.run(), dir, false);
        assertThat(dir.resolve("index.json")).isRegularFile();
        assertThat(dir.resolve("index.html")).isRegularFile();
        assertThat(dir.resolve("junit/TEST-lnconform-reference.xml")).isRegularFile();
        assertThat(dir.resolve("allure-results/environment.properties")).isRegularFile();
        assertThat(dir.resolve(Reports.ALLURE_REPORT_DIR)).doesNotExist();
    }

    @Test
    void mergeReadsEachRunAndWritesTheMatrix() throws Exception {
        RunReport lnd = SampleRuns.run("lnd", "0.18.3");
        RunReport cln = SampleRuns.run("cln", "24.11");
        Reports.writeAll(lnd, dir.resolve("runs/lnd"), false);
        JsonReport.write(cln, dir.resolve("runs/cln"));
        List<RunReport> runs = Reports.merge(List.of(dir.resolve("runs/lnd"), dir.resolve("runs/cln/index.json")),
                dir.resolve("matrix"));
        assertThat(runs).containsExactly(Reports.labelled(lnd, "lnd 0.18.3"), Reports.labelled(cln, "cln 24.11"));
        assertThat(Files.readString(dir.resolve("matrix/index.html"))).contains("lnd 0.18.3", "cln 24.11",
                "lnconform interop matrix");
    }

    @Test
    void mergeAlsoWritesTheMergedIndexAndJUnitPerRun() throws Exception {
        RunReport run = SampleRuns.run("lnd", "0.18.3");
        JsonReport.write(run, dir.resolve("a"));
        JsonReport.write(run, dir.resolve("b"));
        Reports.merge(List.of(dir.resolve("a"), dir.resolve("b")), List.of("lnd before"), dir.resolve("m"));
        JsonNode index = new ObjectMapper().readTree(dir.resolve("m/index.json").toFile());
        assertThat(index.get("format").asText()).isEqualTo(MatrixJson.FORMAT);
        // the first run is named by --label, the second by its target's name and version
        assertThat(List.of(index.get("runs").get(0).get("label").asText(), index.get("runs").get(1).get("label").asText())).containsExactly("lnd before", "lnd 0.18.3");
        JsonNode cases = index.get("cases");
        assertThat(cases).hasSize(7);
        // BOLT then section order: bolt01 before bolt08 before bolt09
        assertThat(cases.get(0).get("id").asText()).startsWith("bolt01/");
        assertThat(cases.get(cases.size() - 1).get("id").asText()).startsWith("bolt09/");
        JsonNode fail = cases.findParents("id").stream()
                .filter(c -> c.get("id").asText().equals("bolt01/ping/num-pong-bytes-large")).findFirst().orElseThrow();
        assertThat(fail.get("verdicts").get("lnd before").asText()).isEqualTo("FAIL");
        assertThat(fail.get("verdicts").get("lnd 0.18.3").asText()).isEqualTo("FAIL");
        assertThat(dir.resolve("m/junit/TEST-lnconform-lnd_before.xml")).isRegularFile();
        assertThat(dir.resolve("m/junit/TEST-lnconform-lnd_0.18.3.xml")).isRegularFile();
    }

    @Test
    void twoRunsWithTheSameTitleGetDistinctColumns() {
        RunReport run = SampleRuns.run("lnd", "0.18.3");
        JsonReport.write(run, dir.resolve("a"));
        JsonReport.write(run, dir.resolve("b"));
        List<RunReport> runs = Reports.merge(List.of(dir.resolve("a"), dir.resolve("b")), dir.resolve("m"));
        assertThat(runs).extracting(Reports::title).containsExactly("lnd 0.18.3", "lnd 0.18.3 #2");
    }

    @Test
    void aLabelNamesTheRunInItsReports() throws Exception {
        Reports.writeAll(Reports.labelled(SampleRuns.run(), "nightly"), dir, false);
        assertThat(dir.resolve("junit/TEST-lnconform-nightly.xml")).isRegularFile();
        assertThat(Files.readString(dir.resolve("index.html"))).contains("conformance report: nightly");
        assertThat(Reports.title(JsonReport.read(dir))).isEqualTo("nightly");
    }
}
