package org.lnconform.reports;

import java.util.ArrayList;
import java.util.EnumMap;
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
 * Several runs side by side, as Autobahn's agent matrix: runs (label, or target name and version) as
 * columns, cases as rows grouped by BOLT and section, each cell a coloured verdict linking to that
 * run's details of the case; and a table of per-run counts.
 */
final class MatrixTable {

    private MatrixTable() {}

    /** The union of the runs' cases in BOLT and section order, and each run's results by case id. */
    record Rows(List<CaseInfo> cases, List<Map<String, CaseResult>> byRun) {

        /** Per verdict, how many cases have it in at least one run (what the filter buttons count). */
        Map<Verdict, Integer> casesPerVerdict() {
            Map<Verdict, Integer> m = new EnumMap<>(Verdict.class);
            for (CaseInfo info : cases) {
                Set<Verdict> seen = new LinkedHashSet<>();
                byRun.forEach(run -> {
                    CaseResult r = run.get(info.id());
                    if (r != null) {
                        seen.add(r.verdict() == null ? Verdict.ERROR : r.verdict());
                    }
                });
                seen.forEach(v -> m.merge(v, 1, Integer::sum));
            }
            return m;
        }
    }

    static Rows rows(List<RunReport> runs) {
        List<CaseResult> all = new ArrayList<>();
        List<Map<String, CaseResult>> byRun = new ArrayList<>();
        for (RunReport run : runs) {
            Map<String, CaseResult> results = new LinkedHashMap<>();
            for (CaseResult r : run.results()) {
                results.putIfAbsent(r.info().id(), r);
                all.add(r);
            }
            byRun.add(results);
        }
        Map<String, CaseInfo> cases = new LinkedHashMap<>();
        CaseTable.ordered(all).forEach(r -> cases.putIfAbsent(r.info().id(), r.info()));
        return new Rows(List.copyOf(cases.values()), byRun);
    }

    /** The anchor prefix of the i-th run's details on the matrix page. */
    static String prefix(int run) {
        return "r" + run + "-";
    }

    static String matrix(List<RunReport> runs, Rows rows) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table class=\"matrix\">\n<thead><tr><th>case</th>");
        for (int i = 0; i < runs.size(); i++) {
            out.append("<th><a href=\"#run-").append(i).append("\">").append(Html.esc(Reports.title(runs.get(i))))
                    .append("</a></th>");
        }
        out.append("</tr></thead>\n");
        Map<String, Map<String, List<CaseInfo>>> groups = new LinkedHashMap<>();
        rows.cases().forEach(info -> groups.computeIfAbsent(info.bolt(), k -> new LinkedHashMap<>())
                .computeIfAbsent(info.section(), k -> new ArrayList<>()).add(info));
        groups.forEach((bolt, sections) -> {
            String b = Html.esc(bolt);
            out.append("<tbody class=\"bolthead\" data-bolt=\"").append(b).append("\"><tr class=\"bolt\"><th colspan=\"")
                    .append(runs.size() + 1).append("\">").append(Html.esc(Html.boltTitle(bolt))).append("</th></tr></tbody>\n");
            sections.forEach((section, infos) -> {
                out.append("<tbody class=\"sect\" data-bolt=\"").append(b).append("\"><tr class=\"group\"><th colspan=\"")
                        .append(runs.size() + 1).append("\">").append(Html.esc(section)).append("</th></tr>\n");
                infos.forEach(info -> out.append(row(info, runs.size(), rows.byRun())));
                out.append("</tbody>\n");
            });
        });
        return out.append("</table></div>\n").toString();
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
        String search = String.join(" ", info.id(), info.title(), String.join(" ", info.requirements()),
                String.join(" ", verdicts)).toLowerCase(java.util.Locale.ROOT);
        return "<tr data-verdict=\"" + String.join(" ", verdicts) + "\" data-search=\"" + Html.esc(search)
                + "\" data-count><td class=\"caseid\" title=\"" + Html.esc(info.title()) + "\">" + Html.esc(info.id())
                + "</td>" + cells + "</tr>\n";
    }

    /** Per run: its verdict counts, in the summary's order. */
    static String counts(List<RunReport> runs) {
        StringBuilder out = new StringBuilder("<div class=\"scroll\"><table class=\"counts\">\n<thead><tr><th>run</th>");
        JsonReport.SUMMARY_KEYS.forEach((v, key) -> out.append("<th>").append(CaseTable.badge(v.name())).append("</th>"));
        out.append("<th>total</th></tr></thead>\n<tbody>\n");
        for (int i = 0; i < runs.size(); i++) {
            RunReport run = runs.get(i);
            Map<Verdict, Integer> counts = run.summary();
            out.append("<tr><td><a href=\"#run-").append(i).append("\">").append(Html.esc(Reports.title(run)))
                    .append("</a></td>");
            JsonReport.SUMMARY_KEYS.keySet().forEach(v -> out.append("<td>").append(counts.get(v)).append("</td>"));
            out.append("<td>").append(run.results().size()).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table></div>\n").toString();
    }
}
