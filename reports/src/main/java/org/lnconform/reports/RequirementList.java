package org.lnconform.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lnconform.harness.model.CaseResult;

/**
 * The requirements the page's cases cite, each under its own anchor: id, level, the spec file and
 * section it comes from (linked at the pinned commit), the spec's words, and the cases citing it.
 */
final class RequirementList {

    private RequirementList() {}

    /** A case that cites a requirement, with the anchor prefix and name of the run it belongs to. */
    record Citation(String prefix, String run, CaseResult result) {}

    static String render(List<Citation> citations, RequirementCatalog catalog) {
        Map<String, List<Citation>> byRequirement = new TreeMap<>();
        for (Citation c : citations) {
            for (String req : c.result().info().requirements()) {
                byRequirement.computeIfAbsent(req, k -> new ArrayList<>()).add(c);
            }
        }
        if (byRequirement.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<section id=\"requirements\">\n<h2>Requirements cited</h2>\n");
        if (catalog.commit() != null) {
            out.append("<p class=\"cite\">From the BOLTs at commit <code>").append(Html.esc(catalog.commit()))
                    .append("</code>.</p>\n");
        }
        byRequirement.forEach((id, cites) -> {
            out.append("<div class=\"req\" id=\"").append(CaseTable.requirementAnchor(id)).append("\">\n<h4>")
                    .append(Html.esc(id));
            catalog.find(id).ifPresentOrElse(req -> {
                out.append(" <span class=\"level\">").append(Html.esc(req.level())).append("</span></h4>\n")
                        .append("<p class=\"cite\">").append(Html.esc(req.file())).append(", \u00a7 ")
                        .append(Html.esc(req.section()));
                catalog.specUrl(req).ifPresent(url -> out.append(" \u2014 <a href=\"").append(Html.esc(url))
                        .append("\" rel=\"noreferrer\">spec</a>"));
                out.append("</p>\n<blockquote>").append(Html.esc(String.join("\n", req.text()))).append("</blockquote>\n");
            }, () -> out.append("</h4>\n<p class=\"cite\">Not in requirements.json.</p>\n"));
            out.append("<p class=\"cite\">Cited by: ");
            Map<String, Citation> unique = new LinkedHashMap<>();
            cites.forEach(c -> unique.putIfAbsent(c.prefix() + c.result().info().id(), c));
            unique.values().forEach(c -> out.append("<a href=\"#").append(CaseTable.caseAnchor(c.prefix(),
                    c.result().info().id())).append("\">").append(Html.esc(label(c))).append("</a> "));
            out.append("</p>\n</div>\n");
        });
        return out.append("</section>\n").toString();
    }

    private static String label(Citation c) {
        return c.run().isEmpty() ? c.result().info().id() : c.result().info().id() + " (" + c.run() + ")";
    }
}
