package org.lnconform.reports;

import java.util.stream.Collectors;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Outcome;

/** A case's evidence as plain text (what was expected, what was seen, which requirements), for CI tools. */
final class CaseText {

    private static final int MESSAGE_LIMIT = 500;

    private CaseText() {}

    /** A one-line message: verdict, level, requirement ids, expected vs observed. */
    static String message(CaseResult r) {
        CaseInfo info = r.info();
        String s = r.verdict() + " [" + info.level() + " " + String.join(", ", info.requirements()) + "] expected: "
                + TraceText.nullToEmpty(r.expected()) + "; observed: " + TraceText.nullToEmpty(r.observed());
        s = s.replaceAll("[\\r\\n]+", " ");
        return s.length() <= MESSAGE_LIMIT ? s : s.substring(0, MESSAGE_LIMIT) + "...";
    }

    /** The full evidence, several lines, citing each requirement's file, section and text. */
    static String details(CaseResult r, RequirementCatalog catalog) {
        CaseInfo info = r.info();
        StringBuilder out = new StringBuilder();
        out.append("case: ").append(info.id()).append('\n');
        out.append("title: ").append(info.title()).append('\n');
        out.append("verdict: ").append(r.verdict()).append("   level: ").append(info.level())
                .append("   node side: ").append(info.side()).append('\n');
        out.append("expected: ").append(TraceText.nullToEmpty(r.expected())).append('\n');
        out.append("observed: ").append(TraceText.nullToEmpty(r.observed())).append('\n');
        out.append("outcome: ").append(outcome(r.outcome())).append('\n');
        out.append("allowed: ").append(JsonReport.sortedOutcomes(info.allowed()).stream()
                .map(Enum::name).collect(Collectors.joining(", "))).append('\n');
        out.append("requirements:\n");
        for (String id : info.requirements()) {
            out.append("  ").append(id);
            catalog.find(id).ifPresentOrElse(req -> {
                out.append(" (").append(req.level()).append("; ").append(req.file()).append(", ")
                        .append(req.section()).append(")\n");
                req.text().forEach(line -> out.append("      ").append(line).append('\n'));
            }, () -> out.append(" (not in requirements.json)\n"));
        }
        return out.toString();
    }

    static String outcome(Outcome o) {
        return o == null ? "none" : o.name() + " (" + o.description() + ")";
    }
}
