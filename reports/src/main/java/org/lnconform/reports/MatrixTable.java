package org.lnconform.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * Several runs side by side, as Autobahn's agent matrix: implementations (target name and
 * version) as columns, cases as rows grouped by section, each cell a coloured verdict linking to
 * that run's details of the case; and a table of per-implementation counts.
 */
final class MatrixTable {

    private MatrixTable() {}

    /** The anchor prefix of the i-th run's details on the matrix page. */
    static String prefix(int run) {
        return "r" + run + "-";
    }

    /** A run's column title: its name and, if known, its version. */
    static String columnTitle(RunReport report) {
        String version = report.target().get("version");
        return report.targetName() + (version == null || version.isBlank() ? "" : " " + version);
    }

    static String matrix(List<RunReport> runs) {
        Map<String, CaseInfo> cases = new LinkedHashMap<>();
        List<Map<String, CaseResult>> byRun = new ArrayList<>();
        for (RunReport run : runs) {
            Map<String, CaseResult> results = new LinkedHashMap<>();
            for (CaseResult r : run.results()) {
                cases.putIfAbsent(r.info().id(), r.info());
                results.putIfAbsent(r.info().id(), r);
            }
            byRun.add(results);
        }
        StringBuilder out = new StringBuilder("<table class=\"matrix\">\n<thead><tr><th>case</th>");
        for (int i = 0; i < runs.size(); i++) {
            out.append("<th><a href=\"#run-").append(i).append("\">").append(Html.esc(columnTitle(runs.get(i))))
                    .append("</a></th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        Map<String, List<CaseInfo>> sections = new LinkedHashMap<>();
        cases.values().forEach(info -> sections.computeIfAbsent(info.section(), k -> new ArrayList<>()).add(info));
        sections.forEach((section, infos) -> {
            out.append("<tr class=\"group\"><th colspan=\"").append(runs.size() + 1).append("\">")
                    .append(Html.esc(section)).append("</th></tr>\n");
            infos.forEach(info -> out.append(row(info, runs.size(), byRun)));
        });
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String row(CaseInfo info, int runCount, List<Map<String, CaseResult>> byRun) {
        Set<String> verdicts = new LinkedHashSet<>();
        StringBuilder cells = new StringBuilder();
        for (int i = 0; i < runCount; i++) {
            CaseResult r = byRun.get(i).get(info.id());
            if (r == null) {
                cells.append("<td class=\"missing\" title=\"not run\">\u2014</td>");
                continue;
            }
            String v = CaseTable.verdictName(r);
            verdicts.add(v);
            cells.append("<td class=\"cell v-").append(v).append("\" title=\"").append(Html.esc(r.observed()))
                    .append("\"><a href=\"#").append(CaseTable.caseAnchor(prefix(i), info.id())).append("\">")
                    .append(v).append("</a></td>");
        }
        return "<tr data-verdict=\"" + String.join(" ", verdicts) + "\"><td class=\"caseid\" title=\""
                + Html.esc(info.title()) + "\">" + Html.esc(info.id()) + "</td>" + cells + "</tr>\n";
    }

    /** Per implementation: its verdict counts, in the summary's order. */
    static String counts(List<RunReport> runs) {
        StringBuilder out = new StringBuilder("<table class=\"counts\">\n<thead><tr><th>implementation</th>");
        JsonReport.SUMMARY_KEYS.forEach((v, key) -> out.append("<th>").append(CaseTable.badge(v.name())).append("</th>"));
        out.append("<th>total</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunReport run = runs.get(i);
            Map<Verdict, Integer> counts = run.summary();
            out.append("<tr><td><a href=\"#run-").append(i).append("\">").append(Html.esc(columnTitle(run)))
                    .append("</a></td>");
            JsonReport.SUMMARY_KEYS.keySet().forEach(v -> out.append("<td>").append(counts.get(v)).append("</td>"));
            out.append("<td>").append(run.results().size()).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }
}
