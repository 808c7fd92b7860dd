package org.lnconform.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * The verdicts one implementation at one version is expected to get, case by case, checked in
 * under containers/baseline as {@code <name>-<version>.json}. A run that differs in any verdict,
 * or has cases the baseline lacks or lacks cases it has, is a regression of the node, of the
 * harness, or a catalogue change to re-baseline deliberately. {@code notes} says why each non-PASS
 * verdict is what it is: written by hand (kept across regenerations while the case stays non-PASS)
 * or, until someone does, the observation that led to it ({@code observed: …}). Notes are not
 * compared. {@code unstable} lists, by hand, cases whose verdict against this node depends on the
 * node's own timing (each with the cause, in the node's source): they get no verdict here, are
 * neither compared nor required to agree between runs, and stay listed across regenerations.
 */
record Baseline(String implementation, String version, String image, Map<String, Verdict> verdicts,
        Map<String, String> notes, Map<String, String> unstable) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final String OBSERVED = "observed: ";

    Baseline {
        verdicts = new LinkedHashMap<>(verdicts);
        notes = new LinkedHashMap<>(notes);
        unstable = new LinkedHashMap<>(unstable);
    }

    /** {@code lnd-0.19.3-beta.json}: the target's name and the first word of the version it reports. */
    static String fileName(Map<String, String> target) {
        String version = target.getOrDefault("version", "unknown").trim().split("\\s+")[0];
        return target.get("name") + "-" + version.replaceAll("[^A-Za-z0-9._-]", "_") + ".json";
    }

    /** The run's verdicts, with the hand-written notes of {@code previous} kept for cases still not passing. */
    static Baseline of(RunReport report, Map<String, String> previousNotes) {
        return of(report, previousNotes, Map.of());
    }

    /** As {@link #of(RunReport, Map)}, leaving out (and keeping the list of) the cases listed as unstable. */
    static Baseline of(RunReport report, Map<String, String> previousNotes, Map<String, String> unstable) {
        Map<String, Verdict> v = new LinkedHashMap<>();
        Map<String, String> notes = new LinkedHashMap<>();
        for (CaseResult r : report.results()) {
            if (unstable.containsKey(r.info().id())) {
                continue;
            }
            v.put(r.info().id(), r.verdict());
            if (r.verdict() != Verdict.PASS) {
                String kept = previousNotes.get(r.info().id());
                notes.put(r.info().id(), kept != null && !kept.startsWith(OBSERVED) ? kept : OBSERVED + r.observed());
            }
        }
        return new Baseline(report.targetName(), report.target().get("version"), report.target().get("image"), v,
                notes, unstable);
    }

    static Baseline read(Path file) {
        try {
            JsonNode root = JSON.readTree(file.toFile());
            Map<String, Verdict> v = new LinkedHashMap<>();
            root.path("verdicts").fields().forEachRemaining(e -> v.put(e.getKey(), Verdict.valueOf(e.getValue().asText())));
            Map<String, String> notes = new LinkedHashMap<>();
            root.path("notes").fields().forEachRemaining(e -> notes.put(e.getKey(), e.getValue().asText()));
            Map<String, String> unstable = new LinkedHashMap<>();
            root.path("unstable").fields().forEachRemaining(e -> unstable.put(e.getKey(), e.getValue().asText()));
            return new Baseline(root.path("implementation").asText(), root.path("version").asText(),
                    root.path("image").asText(), v, notes, unstable);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read baseline " + file, e);
        }
    }

    void write(Path file) {
        ObjectNode root = JSON.createObjectNode();
        root.put("implementation", implementation).put("version", version).put("image", image);
        root.put("regenerate", "bash containers/baseline/regenerate.sh");
        Map<Verdict, Integer> counts = new LinkedHashMap<>();
        verdicts.values().forEach(v -> counts.merge(v, 1, Integer::sum));
        ObjectNode summary = root.putObject("summary");
        counts.forEach((k, n) -> summary.put(k.name(), n));
        ObjectNode v = root.putObject("verdicts");
        verdicts.forEach((id, verdict) -> v.put(id, verdict.name()));
        ObjectNode n = root.putObject("notes");
        notes.forEach(n::put);
        if (!unstable.isEmpty()) {
            ObjectNode u = root.putObject("unstable");
            unstable.forEach(u::put);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write baseline " + file, e);
        }
    }

    /** One line per difference: changed verdicts (with what was observed), new cases, vanished cases. */
    List<String> diff(RunReport report) {
        List<String> lines = new ArrayList<>();
        Map<String, CaseResult> now = new LinkedHashMap<>();
        report.results().stream().filter(r -> !unstable.containsKey(r.info().id()))
                .forEach(r -> now.put(r.info().id(), r));
        now.forEach((id, r) -> {
            Verdict expected = verdicts.get(id);
            if (expected == null) {
                lines.add(String.format("  %-58s baseline: %-11s now: %-11s observed: %s", id, "(new case)",
                        r.verdict(), r.observed()));
            } else if (expected != r.verdict()) {
                lines.add(String.format("  %-58s baseline: %-11s now: %-11s observed: %s", id, expected, r.verdict(),
                        r.observed()));
            }
        });
        verdicts.forEach((id, v) -> {
            if (!now.containsKey(id) && !unstable.containsKey(id)) {
                lines.add(String.format("  %-58s baseline: %-11s now: %-11s (the catalogue has no such case)", id, v,
                        "(gone)"));
            }
        });
        return lines;
    }
}
