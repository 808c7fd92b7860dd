package org.lnconform.reports;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lnconform.harness.model.RunReport;

/** Every report of a run in one call, and the merge of several runs into the matrix page. */
public final class Reports {

    /** Where {@link #writeAll} puts the Allure HTML report when asked to. */
    public static final String ALLURE_REPORT_DIR = "allure-report";

    private Reports() {}

    /** Writes index.json, index.html, junit/ and allure-results/ into {@code dir}. */
    public static void writeAll(RunReport report, Path dir, boolean strict) {
        writeAll(report, dir, strict, false);
    }

    /**
     * As {@link #writeAll(RunReport, Path, boolean)}, and with {@code allureHtml} also Allure's own
     * HTML report in {@code dir/allure-report} (needs the unpacked Allure commandline, see
     * {@link AllureHtml}).
     *
     * @param strict whether NON_STRICT counts as a failure in the JUnit and Allure results
     */
    public static void writeAll(RunReport report, Path dir, boolean strict, boolean allureHtml) {
        JsonReport.write(report, dir);
        HtmlReport.write(report, dir);
        new JUnitXmlReport(strict).write(report, dir);
        Path results = new AllureResults(strict).write(report, dir);
        if (allureHtml) {
            AllureHtml.generate(results, dir.resolve(ALLURE_REPORT_DIR));
        }
    }

    /**
     * Reads each run's {@code index.json} (a run directory, or the file itself) and writes the
     * matrix page {@code outDir/index.html}; returns the runs in the order given.
     */
    public static List<RunReport> merge(List<Path> runDirs, Path outDir) {
        List<RunReport> runs = new ArrayList<>();
        for (Path dir : runDirs) {
            runs.add(JsonReport.read(dir));
        }
        HtmlReport.writeMatrix(runs, outDir);
        return runs;
    }
}
