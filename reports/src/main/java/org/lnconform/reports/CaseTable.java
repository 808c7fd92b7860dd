package org.lnconform.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * A run's cases, grouped by BOLT and by section (the id's prefix, e.g. {@code bolt08/act1}). Each
 * case card shows id, verdict, level, title, the requirement sentences it checks (each linked to its
 * section of the pinned spec), expected vs observed, and its wire trace as a sequence diagram, open
 * when the verdict needs a look (FAIL, NON_STRICT, ERROR).
 */
final class CaseTable {

    /** The verdicts a reader must look at, in the order the failures summary lists them. */
    static final List<Verdict> NEEDS_A_LOOK = List.of(Verdict.FAIL, Verdict.NON_STRICT, Verdict.ERROR);

    private CaseTable() {}

    /** The element id of a case; {@code prefix} tells runs apart on a page with several. */
    static String caseAnchor(String prefix, String caseId) {
        return Html.anchor(prefix + "case-", caseId);
    }

    /**
     * @param counted whether the cards count toward the page's "N shown" (on the matrix page the rows do)
     */
    static String render(RunReport report, String prefix, RequirementCatalog catalog, boolean counted) {
        StringBuilder out = new StringBuilder();
        groups(report.results()).forEach((bolt, sections) -> {
            out.append("<section class=\"bolt\" id=\"").append(Html.anchor(prefix + "bolt-", bolt)).append("\">\n<h2>")
                    .append(Html.esc(Html.boltTitle(bolt))).append("</h2>\n");
            sections.forEach((section, cases) -> {
                out.append("<section class=\"sect\" id=\"").append(Html.anchor(prefix + "sect-", section))
                        .append("\">\n<h3>").append(Html.esc(section)).append("</h3>\n");
                cases.forEach(r -> out.append(caseArticle(r, prefix, catalog, counted)));
                out.append("</section>\n");
            });
            out.append("</section>\n");
        });
        return out.toString();
    }

    /** BOLT → section → cases: BOLTs and sections in order of their ids, cases in catalogue order. */
    static Map<String, Map<String, List<CaseResult>>> groups(List<CaseResult> results) {
        Map<String, Map<String, List<CaseResult>>> groups = new TreeMap<>();
        for (CaseResult r : results) {
            groups.computeIfAbsent(r.info().bolt(), b -> new TreeMap<>())
                    .computeIfAbsent(r.info().section(), s -> new ArrayList<>())
                    .add(r);
        }
        return groups;
    }

    /** Cases in the order the page shows them: by BOLT, then section, then catalogue order. */
    static List<CaseResult> ordered(List<CaseResult> results) {
        List<CaseResult> out = new ArrayList<>();
        groups(results).values().forEach(sections -> sections.values().forEach(out::addAll));
        return out;
    }

    static boolean needsALook(CaseResult r) {
        return r.verdict() == null || NEEDS_A_LOOK.contains(r.verdict());
    }

    static String caseArticle(CaseResult r, String prefix, RequirementCatalog catalog, boolean counted) {
        CaseInfo info = r.info();
        String verdict = verdictName(r);
        String anchor = caseAnchor(prefix, info.id());
        boolean bad = needsALook(r);
        StringBuilder out = new StringBuilder();
        out.append("<article class=\"case").append(bad ? " bad" : "").append("\" id=\"").append(anchor)
                .append("\" data-verdict=\"").append(verdict).append("\" data-search=\"").append(Html.esc(searchText(r)))
                .append('"').append(counted ? " data-count" : "").append(">\n<div class=\"head\"><a class=\"id\" href=\"#")
                .append(anchor).append("\">").append(Html.esc(info.id())).append("</a>").append(badge(verdict))
                .append("<span class=\"level\">").append(Html.esc(info.level() == null ? "" : info.level().name()))
                .append("</span><span class=\"title\">").append(Html.esc(info.title())).append("</span>")
                .append("<span class=\"dur\">").append(Html.duration(r.durationMs())).append("</span></div>\n");
        out.append(requirements(info.requirements(), catalog));
        out.append("<dl class=\"eo\"><dt>expected</dt><dd>").append(Html.esc(r.expected())).append("</dd>")
                .append("<dt>observed</dt><dd>").append(Html.esc(r.observed())).append("</dd>")
                .append("<dt>outcome</dt><dd>").append(Html.esc(outcome(r))).append("</dd>")
                .append("<dt>node is</dt><dd>").append(Html.esc(info.side() == null ? "" : info.side().name().toLowerCase(Locale.ROOT)))
                .append("</dd></dl>\n");
        out.append("<details").append(bad ? " open" : "").append("><summary>wire trace (").append(r.trace().size())
                .append(" events, times from the start of the case)</summary>\n")
                .append(SequenceDiagram.render(r.trace())).append("</details>\n</article>\n");
        return out.toString();
    }

    /** Each cited requirement: id linked to its section of the pinned spec, level, where, and its sentences. */
    static String requirements(List<String> ids, RequirementCatalog catalog) {
        StringBuilder out = new StringBuilder("<ul class=\"reqs\">");
        for (String id : ids) {
            out.append("<li>");
            catalog.find(id).ifPresentOrElse(req -> {
                catalog.specUrl(req).ifPresentOrElse(
                        url -> out.append("<a class=\"rid\" href=\"").append(Html.esc(url)).append("\" rel=\"noreferrer\"")
                                .append(" title=\"the pinned spec, at this section\">").append(Html.esc(id)).append("</a>"),
                        () -> out.append("<span class=\"rid\">").append(Html.esc(id)).append("</span>"));
                out.append(" <span class=\"level\">").append(Html.esc(req.level())).append("</span> <span class=\"cite\">")
                        .append(Html.esc(req.file() == null ? "lnconform" : req.file()));
                if (req.section() != null) {
                    out.append(", \u00a7 ").append(Html.esc(req.section()));
                }
                out.append("</span><blockquote>").append(Html.esc(String.join("\n", req.text()))).append("</blockquote>");
            }, () -> out.append("<span class=\"rid\">").append(Html.esc(id))
                    .append("</span> <span class=\"cite\">(not in the pinned requirements)</span>"));
            out.append("</li>");
        }
        return out.append("</ul>\n").toString();
    }

    /** What the search box matches: id, title, verdict, requirement ids and the observed text, lower case. */
    static String searchText(CaseResult r) {
        return String.join(" ", r.info().id(), Html.clip(r.info().title(), 200), verdictName(r),
                String.join(" ", r.info().requirements()), Html.clip(r.observed(), 300)).toLowerCase(Locale.ROOT);
    }

    static String badge(String verdict) {
        return "<span class=\"badge v-" + verdict + "\">" + verdict + "</span>";
    }

    static String verdictName(CaseResult r) {
        return r.verdict() == null ? "ERROR" : r.verdict().name();
    }

    /** The failures-first summary: every FAIL, NON_STRICT and ERROR case of the run, each linking to its card. */
    static String failures(RunReport report, String prefix) {
        List<CaseResult> bad = ordered(report.results()).stream().filter(CaseTable::needsALook)
                .sorted(Comparator.comparingInt(r -> r.verdict() == null ? 2 : NEEDS_A_LOOK.indexOf(r.verdict())))
                .collect(Collectors.toList());
        StringBuilder out = new StringBuilder("<section id=\"").append(prefix).append("failures\" class=\"failures\">\n");
        if (report.preflightFailed()) {
            out.append("<h2>Preflight failed: no case ran</h2>\n<p class=\"preflight\">")
                    .append(Html.esc(report.preflight().reason())).append("</p>\n")
                    .append("<details open><summary>wire trace of the preflight (").append(report.preflight().trace().size())
                    .append(" events)</summary>\n").append(SequenceDiagram.render(report.preflight().trace()))
                    .append("</details>\n");
        }
        if (bad.isEmpty()) {
            return out.append("<h2>Failures first</h2>\n<p>No FAIL, NON_STRICT or ERROR.</p>\n</section>\n").toString();
        }
        out.append("<h2>Failures first: ").append(bad.size()).append(bad.size() == 1 ? " case" : " cases")
                .append(" to look at</h2>\n<ol>\n");
        for (CaseResult r : bad) {
            out.append("<li data-failure=\"").append(Html.esc(r.info().id())).append("\">").append(badge(verdictName(r)))
                    .append(" <a class=\"fid\" href=\"#").append(caseAnchor(prefix, r.info().id())).append("\">")
                    .append(Html.esc(r.info().id())).append("</a> \u2014 ").append(Html.esc(r.info().title()))
                    .append(" <span class=\"cite\">(").append(Html.esc(String.join(", ", r.info().requirements())))
                    .append(")</span></li>\n");
        }
        return out.append("</ol>\n</section>\n").toString();
    }

    private static String outcome(CaseResult r) {
        String allowed = JsonReport.sortedOutcomes(r.info().allowed()).stream().map(Enum::name)
                .collect(Collectors.joining(", "));
        return (r.outcome() == null ? "none" : r.outcome().name() + " \u2014 " + r.outcome().description())
                + (allowed.isEmpty() ? "" : "   (allowed: " + allowed + ")");
    }
}
