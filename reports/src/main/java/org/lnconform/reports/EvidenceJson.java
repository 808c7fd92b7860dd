package org.lnconform.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Preflight;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.TraceEvent;

/**
 * {@code evidence.json}: the part of a run that differs every time even against the same node (when
 * it started, how long each case took, the node's address, and each case's wire trace, whose bytes
 * carry fresh ephemeral keys). Kept apart from {@code index.json} so that file diffs cleanly.
 */
final class EvidenceJson {

    static final String FILE = "evidence.json";

    private EvidenceJson() {}

    static String toJson(RunReport report) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("format", "lnconform-evidence/1");
        ObjectNode target = root.putObject("target");
        report.target().forEach((k, v) -> {
            if (JsonReport.VOLATILE_TARGET_KEYS.contains(k)) {
                target.put(k, v);
            }
        });
        root.put("startedAt", report.startedAt() == null ? null : report.startedAt().toString());
        root.put("durationMs", report.durationMs());
        if (report.preflight() != null) {
            ObjectNode preflight = root.putObject("preflight");
            preflight.put("reason", report.preflight().reason());
            preflight.put("durationMs", report.preflight().durationMs());
            trace(preflight.putArray("trace"), report.preflight().trace());
        }
        ArrayNode cases = root.putArray("cases");
        for (CaseResult r : report.results()) {
            ObjectNode c = cases.addObject();
            c.put("id", r.info().id());
            c.put("durationMs", r.durationMs());
            trace(c.putArray("trace"), r.trace());
        }
        return JsonReport.pretty(root);
    }

    private static void trace(ArrayNode array, List<TraceEvent> events) {
        for (TraceEvent e : events) {
            ObjectNode t = array.addObject();
            t.put("atMs", e.atMs());
            t.put("direction", JsonReport.name(e.direction()));
            t.put("kind", e.kind());
            t.put("size", e.size());
            t.put("summary", e.summary());
            t.put("hex", e.hex());
        }
    }

    /** The run from index.json with the times, address and traces from evidence.json put back. */
    static RunReport join(RunReport index, JsonNode evidence) {
        Map<String, String> target = new LinkedHashMap<>(index.target());
        evidence.path("target").properties().forEach(e -> target.put(e.getKey(), JsonReport.text(e.getValue())));
        Map<String, JsonNode> byId = new HashMap<>();
        evidence.path("cases").forEach(c -> byId.putIfAbsent(c.path("id").asText(), c));
        List<CaseResult> results = new ArrayList<>();
        for (CaseResult r : index.results()) {
            JsonNode c = byId.get(r.info().id());
            results.add(c == null ? r : new CaseResult(r.info(), r.verdict(), r.outcome(), r.expected(), r.observed(),
                    c.path("durationMs").asLong(), traceFromTree(c.path("trace"))));
        }
        String started = JsonReport.text(evidence.get("startedAt"));
        Preflight preflight = index.preflight();
        JsonNode p = evidence.get("preflight");
        if (preflight != null && p != null) {
            preflight = new Preflight(preflight.passed(), p.hasNonNull("reason") ? p.get("reason").asText() : preflight.reason(),
                    p.path("durationMs").asLong(), traceFromTree(p.path("trace")));
        }
        return new RunReport(target, started == null ? index.startedAt() : Instant.parse(started),
                evidence.path("durationMs").asLong(index.durationMs()), results, index.seed(), preflight);
    }

    static List<TraceEvent> traceFromTree(JsonNode array) {
        List<TraceEvent> trace = new ArrayList<>();
        for (JsonNode t : array) {
            trace.add(new TraceEvent(
                    t.path("atMs").asLong(),
                    JsonReport.parse(TraceEvent.Direction.class, t.get("direction")),
                    JsonReport.text(t.get("kind")),
                    t.path("size").asInt(),
                    JsonReport.text(t.get("summary")),
                    JsonReport.text(t.get("hex"))));
        }
        return trace;
    }
}
