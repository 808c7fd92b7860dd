package org.lnconform.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.CaseResult;
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
        String header = "<h1>lnconform conformance report: " + Html.esc(MatrixTable.columnTitle(report)) + "</h1>\n"
                + HtmlPage.targetTable(report) + HtmlPage.summary(counts) + HtmlPage.filters(counts);
        List<RequirementList.Citation> citations = new ArrayList<>();
        report.results().forEach(r -> citations.add(new RequirementList.Citation("", "", r)));
        String body = CaseTable.render(report, "") + RequirementList.render(citations, Catalog.INSTANCE);
        return HtmlPage.page("lnconform: " + MatrixTable.columnTitle(report), header, body);
    }

    /** The page {@link #writeMatrix} writes. */
    public static String renderMatrix(List<RunReport> runs) {
        Map<Verdict, Integer> total = new EnumMap<>(Verdict.class);
        runs.forEach(run -> run.summary().forEach((v, n) -> total.merge(v, n, Integer::sum)));
        int cases = (int) runs.stream().flatMap(r -> r.results().stream()).map(r -> r.info().id()).distinct().count();
        String header = "<h1>lnconform interop matrix</h1>\n<p>" + runs.size() + " implementation runs, " + cases
                + " cases.</p>\n" + MatrixTable.counts(runs) + HtmlPage.filters(total);
        StringBuilder body = new StringBuilder("<h2>Matrix</h2>\n").append(MatrixTable.matrix(runs));
        List<RequirementList.Citation> citations = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            RunReport run = runs.get(i);
            String prefix = MatrixTable.prefix(i);
            body.append("<section class=\"run\" id=\"run-").append(i).append("\">\n<h2>Run: ")
                    .append(Html.esc(MatrixTable.columnTitle(run))).append("</h2>\n")
                    .append(HtmlPage.targetTable(run)).append(HtmlPage.summary(run.summary()))
                    .append(CaseTable.render(run, prefix)).append("</section>\n");
            for (CaseResult r : run.results()) {
                citations.add(new RequirementList.Citation(prefix, MatrixTable.columnTitle(run), r));
            }
        }
        body.append(RequirementList.render(citations, Catalog.INSTANCE));
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

    /** The requirement texts, read once. */
    private static final class Catalog {
        static final RequirementCatalog INSTANCE = RequirementCatalog.load();
    }
}
