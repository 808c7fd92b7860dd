package org.lnconform.reports;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lnconform.harness.model.RunReport;

/** Every report of a run in one call, and the merge of several runs into the matrix page. */
public final class Reports {

    /** Where {@link #writeAllureHtml} puts the Allure HTML report. */
    public static final String ALLURE_REPORT_DIR = "allure-report";

    /** The target entry that names a run in matrices and file names ({@code --label}). */
    public static final String LABEL = "label";

    private Reports() {}

    /**
     * Writes index.json and evidence.json, index.html, junit/ and allure-results/ into {@code dir}.
     *
     * @param strict whether NON_STRICT counts as a failure in the JUnit and Allure results
     */
    public static void writeAll(RunReport report, Path dir, boolean strict) {
        JsonReport.write(report, dir);
        HtmlReport.write(report, dir);
        new JUnitXmlReport(strict).write(report, dir);
        new AllureResults(strict).write(report, dir);
    }

    /** As {@link #writeAll(RunReport, Path, boolean)}, then with {@code allureHtml} also {@link #writeAllureHtml}. */
    public static void writeAll(RunReport report, Path dir, boolean strict, boolean allureHtml) {
        writeAll(report, dir, strict);
        if (allureHtml) {
            writeAllureHtml(dir);
        }
    }

    /**
     * Allure's own HTML report from {@code dir/allure-results} into {@code dir/allure-report} (needs the
     * unpacked Allure commandline, see {@link AllureHtml}; takes about 10 s).
     */
    public static Path writeAllureHtml(Path dir) {
        return AllureHtml.generate(dir.resolve(AllureResults.DIR), dir.resolve(ALLURE_REPORT_DIR));
    }

    /** The run with {@code label} as its name in reports (unchanged if the label is null or blank). */
    public static RunReport labelled(RunReport report, String label) {
        if (label == null || label.isBlank()) {
            return report;
        }
        Map<String, String> target = new LinkedHashMap<>(report.target());
        target.put(LABEL, label.strip());
        return new RunReport(target, report.startedAt(), report.durationMs(), report.results(), report.seed(),
                report.preflight());
    }

    /** What names a run: its label, else its target's name and version. */
    public static String title(RunReport report) {
        String label = report.target().get(LABEL);
        if (label != null && !label.isBlank()) {
            return label;
        }
        String version = report.target().get("version");
        return report.targetName() + (version == null || version.isBlank() ? "" : " " + version);
    }

    /** Whether {@code dir} (or the file itself) holds a run's index.json. */
    public static boolean isRunDirectory(Path dir) {
        return Files.isRegularFile(Files.isDirectory(dir) ? dir.resolve(JsonReport.FILE) : dir);
    }

    /** Reads one run's index.json (and evidence.json beside it): a run directory or the file itself. */
    public static RunReport read(Path dir) {
        return JsonReport.read(dir);
    }

    /**
     * Reads each run's {@code index.json} (a run directory, or the file itself), names the runs
     * ({@code labels} in order, else each run's own title, made unique), and writes the matrix into
     * {@code outDir}: {@code index.html}, the merged {@code index.json}, and {@code junit/} with one
     * file per run. Returns the runs in the order given.
     */
    public static List<RunReport> merge(List<Path> runDirs, List<String> labels, Path outDir) {
        List<RunReport> runs = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < runDirs.size(); i++) {
            RunReport run = JsonReport.read(runDirs.get(i));
            String label = i < labels.size() ? labels.get(i) : title(run);
            String unique = label;
            for (int n = 2; !seen.add(unique); n++) {
                unique = label + " #" + n;
            }
            runs.add(labelled(run, unique));
        }
        HtmlReport.writeMatrix(runs, outDir);
        MatrixJson.write(runs, outDir);
        for (RunReport run : runs) {
            new JUnitXmlReport(false).write(run, outDir);
        }
        return runs;
    }

    /** As {@link #merge(List, List, Path)} with each run named by itself. */
    public static List<RunReport> merge(List<Path> runDirs, Path outDir) {
        return merge(runDirs, List.of(), outDir);
    }
}
