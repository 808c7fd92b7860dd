package org.lnconform.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * The human report: one self-contained HTML page (inline CSS, script and SVG; it loads nothing),
 * for one run ({@link #write}) or for several side by side ({@link #writeMatrix}). Every text from
 * the run, above all what the node sent, is escaped; the page's policy also forbids any script but
 * its own.
 */
public final class HtmlReport {

    /** The file name inside the report directory. */
    public static final String FILE = "index.html";

    private HtmlReport() {}

    /** Writes {@code dir/index.html} for one run; returns the file. */
    public static Path write(RunReport report, Path dir) {
        return writeFile(dir, render(report));
    }

    /** Writes {@code dir/index.html} with the matrix of several runs (implementations × cases); returns the file. */
    public static Path writeMatrix(List<RunReport> runs, Path dir) {
        return writeFile(dir, renderMatrix(runs));
    }

    /** The page {@link #write} writes. */
    public static String render(RunReport report) {
        Map<Verdict, Integer> counts = report.summary();
        String header = "<h1>lnconform conformance report: " + Html.esc(Reports.title(report)) + "</h1>\n"
                + HtmlPage.targetTable(report) + HtmlPage.summary(counts)
                + HtmlPage.toolbar(counts, report.results().size());
        String body = CaseTable.failures(report, "") + CaseTable.render(report, "", RequirementCatalog.INSTANCE, true);
        return HtmlPage.page("lnconform: " + Reports.title(report), header, body);
    }

    /** The page {@link #writeMatrix} writes. */
    public static String renderMatrix(List<RunReport> runs) {
        MatrixTable.Rows rows = MatrixTable.rows(runs);
        String header = "<h1>lnconform interop matrix</h1>\n<p>" + runs.size() + " runs, " + rows.cases().size()
                + " cases.</p>\n" + MatrixTable.counts(runs) + HtmlPage.toolbar(rows.casesPerVerdict(), rows.cases().size());
        StringBuilder body = new StringBuilder("<h2>Matrix</h2>\n").append(MatrixTable.matrix(runs, rows));
        for (int i = 0; i < runs.size(); i++) {
            RunReport run = runs.get(i);
            String prefix = MatrixTable.prefix(i);
            body.append("<section class=\"run\" id=\"run-").append(i).append("\">\n<h2>Run: ")
                    .append(Html.esc(Reports.title(run))).append("</h2>\n")
                    .append(HtmlPage.targetTable(run)).append(HtmlPage.summary(run.summary()))
                    .append(CaseTable.failures(run, prefix))
                    .append(CaseTable.render(run, prefix, RequirementCatalog.INSTANCE, false)).append("</section>\n");
        }
        return HtmlPage.page("lnconform interop matrix", header, body.toString());
    }

    private static Path writeFile(Path dir, String html) {
        Path file = dir.resolve(FILE);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }
}
