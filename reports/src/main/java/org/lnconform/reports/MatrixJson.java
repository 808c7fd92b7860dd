package org.lnconform.reports;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * The merged {@code index.json} of {@code report merge}: the runs (label, target, summary) and, per
 * case in BOLT and section order, its data and each run's verdict by label. Like a single run's
 * index it holds no times, so two merges of the same runs diff cleanly.
 */
final class MatrixJson {

    static final String FORMAT = "lnconform-matrix/1";

    private MatrixJson() {}

    static Path write(List<RunReport> runs, Path dir) {
        Path file = dir.resolve(JsonReport.FILE);
        JsonReport.writeText(file, toJson(runs));
        return file;
    }

    static String toJson(List<RunReport> runs) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ArrayNode runArray = root.putArray("runs");
        for (RunReport run : runs) {
            ObjectNode r = runArray.addObject();
            r.put("label", Reports.title(run));
            ObjectNode target = r.putObject("target");
            run.target().forEach((k, v) -> {
                if (!JsonReport.VOLATILE_TARGET_KEYS.contains(k)) {
                    target.put(k, v);
                }
            });
            ObjectNode summary = r.putObject("summary");
            Map<Verdict, Integer> counts = run.summary();
            JsonReport.SUMMARY_KEYS.forEach((v, key) -> summary.put(key, counts.get(v)));
        }
        ArrayNode cases = root.putArray("cases");
        MatrixTable.Rows rows = MatrixTable.rows(runs);
        for (CaseInfo info : rows.cases()) {
            ObjectNode c = cases.addObject();
            c.put("id", info.id());
            c.put("title", info.title());
            c.put("level", JsonReport.name(info.level()));
            ArrayNode reqs = c.putArray("requirements");
            info.requirements().forEach(reqs::add);
            ObjectNode verdicts = c.putObject("verdicts");
            for (int i = 0; i < runs.size(); i++) {
                CaseResult r = rows.byRun().get(i).get(info.id());
                verdicts.put(Reports.title(runs.get(i)), r == null ? null : CaseTable.verdictName(r));
            }
        }
        return JsonReport.pretty(root);
    }
}
