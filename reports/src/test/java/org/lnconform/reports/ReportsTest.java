package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertThat(runs).containsExactly(lnd, cln);
        assertThat(Files.readString(dir.resolve("matrix/index.html"))).contains("lnd 0.18.3", "cln 24.11",
                "lnconform interop matrix");
    }
}
