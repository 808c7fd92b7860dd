package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureHtmlTest {

    @TempDir
    Path dir;

    @Test
    void generatesTheAllureHtmlReportOffline() {
        if (!AllureHtml.available()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("the Allure commandline was not unpacked by the build; CI must generate the Allure report");
            }
            Assumptions.abort("Allure commandline not unpacked (run mvn -pl reports -am test online once);"
                    + " skipping the Allure HTML test outside CI");
        }
        Path results = new AllureResults(false).write(SampleRuns.run(), dir);
        Path index = AllureHtml.generate(results, dir.resolve("allure-report"));
        assertThat(index).isRegularFile().hasFileName("index.html");
        assertThat(dir.resolve("allure-report/data")).isDirectory();
        // generated with analytics off: opening the report loads nothing from Google
        assertThat(index).content().doesNotContain("googletagmanager");
    }

    @Test
    void missingResultsDirectoryIsRefused() {
        assertThatThrownBy(() -> AllureHtml.generate(dir.resolve("nothing"), dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no Allure results directory");
    }
}
