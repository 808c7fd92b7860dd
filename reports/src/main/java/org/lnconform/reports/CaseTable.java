package org.lnconform.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;

/**
 * A run's cases, grouped by BOLT and by section (the id's prefix, e.g. {@code bolt08/act1}), in
 * catalogue order. Each case shows id, verdict, level, title, linked requirement ids, expected vs
 * observed, and its wire trace as a sequence diagram under a disclosure.
 */
final class CaseTable {

    private CaseTable() {}

    /** The element id of a case; {@code prefix} tells runs apart on a page with several. */
    static String caseAnchor(String prefix, String caseId) {
        return Html.anchor(prefix + "case-", caseId);
    }

    static String requirementAnchor(String requirementId) {
        return Html.anchor("req-", requirementId);
    }

    static String render(RunReport report, String prefix) {
        StringBuilder out = new StringBuilder();
        groups(report.results()).forEach((bolt, sections) -> {
            out.append("<section class=\"bolt\" id=\"").append(Html.anchor(prefix + "bolt-", bolt)).append("\">\n<h2>")
                    .append(Html.esc(Html.boltTitle(bolt))).append("</h2>\n");
            sections.forEach((section, cases) -> {
                out.append("<section class=\"sect\" id=\"").append(Html.anchor(prefix + "sect-", section))
                        .append("\">\n<h3>").append(Html.esc(section)).append("</h3>\n");
                cases.forEach(r -> out.append(caseArticle(r, prefix)));
                out.append("</section>\n");
            });
            out.append("</section>\n");
        });
        return out.toString();
    }

    /** BOLT → section → cases, each in order of first appearance. */
    static Map<String, Map<String, List<CaseResult>>> groups(List<CaseResult> results) {
        Map<String, Map<String, List<CaseResult>>> groups = new LinkedHashMap<>();
        for (CaseResult r : results) {
            groups.computeIfAbsent(r.info().bolt(), b -> new LinkedHashMap<>())
                    .computeIfAbsent(r.info().section(), s -> new ArrayList<>())
                    .add(r);
        }
        return groups;
    }

    static String caseArticle(CaseResult r, String prefix) {
        CaseInfo info = r.info();
        String verdict = verdictName(r);
        String anchor = caseAnchor(prefix, info.id());
        StringBuilder out = new StringBuilder();
        out.append("<article class=\"case\" id=\"").append(anchor).append("\" data-verdict=\"").append(verdict)
                .append("\">\n<div class=\"head\"><a class=\"id\" href=\"#").append(anchor).append("\">")
                .append(Html.esc(info.id())).append("</a>").append(badge(verdict)).append("<span class=\"level\">")
                .append(Html.esc(info.level() == null ? "" : info.level().name())).append("</span><span class=\"title\">")
                .append(Html.esc(info.title())).append("</span><span class=\"reqs\">");
        for (String req : info.requirements()) {
            out.append("<a href=\"#").append(requirementAnchor(req)).append("\">").append(Html.esc(req)).append("</a>");
        }
        out.append("</span><span class=\"dur\">").append(Html.duration(r.durationMs())).append("</span></div>\n");
        out.append("<dl class=\"eo\"><dt>expected</dt><dd>").append(Html.esc(r.expected())).append("</dd>")
                .append("<dt>observed</dt><dd>").append(Html.esc(r.observed())).append("</dd>")
                .append("<dt>outcome</dt><dd>").append(Html.esc(outcome(r))).append("</dd>")
                .append("<dt>node is</dt><dd>").append(Html.esc(info.side() == null ? "" : info.side().name()))
                .append("</dd></dl>\n");
        out.append("<details><summary>wire trace (").append(r.trace().size()).append(" events)</summary>\n")
                .append(SequenceDiagram.render(r.trace())).append("</details>\n</article>\n");
        return out.toString();
    }

    static String badge(String verdict) {
        return "<span class=\"badge v-" + verdict + "\">" + verdict + "</span>";
    }

    static String verdictName(CaseResult r) {
        return r.verdict() == null ? "ERROR" : r.verdict().name();
    }

    private static String outcome(CaseResult r) {
        String allowed = JsonReport.sortedOutcomes(r.info().allowed()).stream().map(Enum::name)
                .collect(Collectors.joining(", "));
        return (r.outcome() == null ? "none" : r.outcome().name() + " \u2014 " + r.outcome().description())
                + (allowed.isEmpty() ? "" : "   (allowed: " + allowed + ")");
    }
}
