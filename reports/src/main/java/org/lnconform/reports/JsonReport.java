package org.lnconform.reports;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.model.Preflight;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Side;
import org.lnconform.harness.model.TraceEvent;
import org.lnconform.harness.model.Verdict;

/**
 * The machine index of a run, {@code index.json}: what h2spec and Autobahn call the index. Built for
 * diffing two runs: it holds only what the verdicts rest on (target, summary, and per case its data,
 * verdict, outcome, expected and observed), with fixed key order, results in catalogue order, sets
 * sorted and {@code \n} line ends. Two runs against the same node give the same file. What changes
 * from run to run (when, how long, the node's address, the wire traces with their random keys)
 * goes to {@link EvidenceJson evidence.json} beside it. {@link #read} joins both back into the
 * {@link RunReport} they came from, so runs can be merged into a matrix later.
 */
public final class JsonReport {

    /** The file name inside the report directory. */
    public static final String FILE = "index.json";

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonReport() {}

    /** The format of the file, so a reader can tell what it holds. */
    public static final String FORMAT = "lnconform-index/2";

    /** Target entries that change from one start of the same node to the next; they go to the evidence. */
    static final Set<String> VOLATILE_TARGET_KEYS = Set.of("uri");

    /** Writes {@code dir/index.json} and {@code dir/evidence.json}, creating {@code dir}; returns index.json. */
    public static Path write(RunReport report, Path dir) {
        Path file = dir.resolve(FILE);
        writeText(file, toJson(report));
        writeText(dir.resolve(EvidenceJson.FILE), EvidenceJson.toJson(report));
        return file;
    }

    static void writeText(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** The exact text {@link #write} puts in index.json. */
    public static String toJson(RunReport report) {
        return pretty(toTree(report));
    }

    static String pretty(JsonNode tree) {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
        try {
            return MAPPER.writer(printer).writeValueAsString(tree) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads an {@code index.json} written by {@link #write} (the file itself or the directory
     * holding it) with the {@code evidence.json} beside it, if there is one.
     */
    public static RunReport read(Path fileOrDir) {
        Path file = Files.isDirectory(fileOrDir) ? fileOrDir.resolve(FILE) : fileOrDir;
        try {
            RunReport index = fromTree(MAPPER.readTree(file.toFile()));
            Path evidence = file.toAbsolutePath().resolveSibling(EvidenceJson.FILE);
            return Files.isRegularFile(evidence) ? EvidenceJson.join(index, MAPPER.readTree(evidence.toFile())) : index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an lnconform index.json: " + file + ": " + e.getMessage(), e);
        }
    }

    /** The summary key of each verdict, in the order the summary lists them. */
    static final Map<Verdict, String> SUMMARY_KEYS = summaryKeys();

    private static Map<Verdict, String> summaryKeys() {
        Map<Verdict, String> keys = new LinkedHashMap<>();
        keys.put(Verdict.PASS, "passed");
        keys.put(Verdict.FAIL, "failed");
        keys.put(Verdict.NON_STRICT, "non_strict");
        keys.put(Verdict.UNSUPPORTED, "unsupported");
        keys.put(Verdict.ERROR, "error");
        keys.put(Verdict.INFO, "info");
        return keys;
    }

    static ObjectNode toTree(RunReport report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode target = root.putObject("target");
        report.target().forEach((k, v) -> {
            if (!VOLATILE_TARGET_KEYS.contains(k)) {
                target.put(k, v);
            }
        });
        // the seed every case derived its keys and channel ids from: the same seed repeats the run
        root.put("seed", report.seed());
        if (report.preflight() != null) {
            ObjectNode preflight = root.putObject("preflight");
            preflight.put("passed", report.preflight().passed());
            if (!report.preflight().passed()) {
                // a passed preflight's line says how long it took: evidence, not verdict
                preflight.put("reason", report.preflight().reason());
            }
        }
        ObjectNode summary = root.putObject("summary");
        Map<Verdict, Integer> counts = report.summary();
        SUMMARY_KEYS.forEach((verdict, key) -> summary.put(key, counts.get(verdict)));
        ArrayNode results = root.putArray("results");
        for (CaseResult r : report.results()) {
            results.add(caseTree(r));
        }
        return root;
    }

    private static ObjectNode caseTree(CaseResult r) {
        CaseInfo info = r.info();
        ObjectNode c = MAPPER.createObjectNode();
        c.put("id", info.id());
        c.put("title", info.title());
        c.put("verdict", name(r.verdict()));
        c.put("level", name(info.level()));
        c.put("side", name(info.side()));
        ArrayNode reqs = c.putArray("requirements");
        info.requirements().forEach(reqs::add);
        c.put("outcome", name(r.outcome()));
        ArrayNode allowed = c.putArray("allowed");
        sortedOutcomes(info.allowed()).forEach(o -> allowed.add(o.name()));
        if (!info.inconclusive().isEmpty()) {
            ArrayNode inconclusive = c.putArray("inconclusive");
            sortedOutcomes(info.inconclusive()).forEach(o -> inconclusive.add(o.name()));
        }
        ArrayNode features = c.putArray("neededFeatures");
        new TreeSet<>(info.neededFeatures()).forEach(features::add);
        c.put("failsUnderDeviation", info.failsUnderDeviation());
        c.put("expected", r.expected());
        c.put("observed", r.observed());
        return c;
    }

    /** Outcomes in declaration order, so a set prints the same every time. */
    static List<Outcome> sortedOutcomes(Set<Outcome> outcomes) {
        List<Outcome> sorted = new ArrayList<>(outcomes);
        sorted.sort(Comparator.naturalOrder());
        return sorted;
    }

    static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    static RunReport fromTree(JsonNode root) {
        Map<String, String> target = new LinkedHashMap<>();
        root.path("target").properties().forEach(e -> target.put(e.getKey(), text(e.getValue())));
        String started = text(root.get("startedAt"));
        List<CaseResult> results = new ArrayList<>();
        for (JsonNode c : root.path("results")) {
            results.add(caseFromTree(c));
        }
        // format 1 kept times and traces in index.json itself; they are read when present
        JsonNode p = root.get("preflight");
        Preflight preflight = p == null || p.isNull() ? null
                : new Preflight(p.path("passed").asBoolean(), text(p.get("reason")), p.path("durationMs").asLong(),
                        EvidenceJson.traceFromTree(p.path("trace")));
        return new RunReport(target, started == null ? null : Instant.parse(started),
                root.path("durationMs").asLong(), results, root.path("seed").asLong(), preflight);
    }

    private static CaseResult caseFromTree(JsonNode c) {
        List<String> reqs = new ArrayList<>();
        c.path("requirements").forEach(n -> reqs.add(n.asText()));
        Set<Outcome> allowed = EnumSet.noneOf(Outcome.class);
        c.path("allowed").forEach(n -> allowed.add(Outcome.valueOf(n.asText())));
        Set<Outcome> inconclusive = EnumSet.noneOf(Outcome.class);
        c.path("inconclusive").forEach(n -> inconclusive.add(Outcome.valueOf(n.asText())));
        Set<Integer> features = new TreeSet<>();
        c.path("neededFeatures").forEach(n -> features.add(n.asInt()));
        CaseInfo info = new CaseInfo(
                text(c.get("id")),
                text(c.get("title")),
                reqs,
                parse(Level.class, c.get("level")),
                parse(Side.class, c.get("side")),
                allowed,
                features,
                text(c.get("failsUnderDeviation")),
                inconclusive);
        List<TraceEvent> trace = EvidenceJson.traceFromTree(c.path("trace"));
        return new CaseResult(info, parse(Verdict.class, c.get("verdict")), parse(Outcome.class, c.get("outcome")),
                text(c.get("expected")), text(c.get("observed")), c.path("durationMs").asLong(), trace);
    }

    static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }

    static <E extends Enum<E>> E parse(Class<E> type, JsonNode n) {
        String s = text(n);
        return s == null ? null : Enum.valueOf(type, s);
    }
}
