package org.lnconform.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.CaseResult;
import org.lnconform.harness.model.Level;
import org.lnconform.harness.model.RunReport;
import org.lnconform.harness.model.Verdict;

/**
 * A run as Allure 2 results ({@code <uuid>-result.json} per case, the wire trace as a text
 * attachment, {@code environment.properties} with the target, {@code categories.json}), for
 * {@code allure generate} or any Allure server. The directory holds one run: writing clears the
 * results a previous write left there.
 */
public final class AllureResults {

    /** The sub-directory of the report directory. */
    public static final String DIR = "allure-results";

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final boolean strict;
    private final RequirementCatalog catalog;

    /** @param strict whether NON_STRICT (a broken SHOULD) is a failed test, as with {@code --strict} */
    public AllureResults(boolean strict) {
        this(strict, RequirementCatalog.load());
    }

    AllureResults(boolean strict, RequirementCatalog catalog) {
        this.strict = strict;
        this.catalog = catalog;
    }

    /** Writes the results into {@code dir/allure-results}; returns that directory. */
    public Path write(RunReport report, Path dir) {
        Path out = dir.resolve(DIR);
        try {
            Files.createDirectories(out);
            clear(out);
            long start = report.startedAt() == null ? 0 : report.startedAt().toEpochMilli();
            for (CaseResult r : report.results()) {
                String uuid = uuid(report, r.info());
                Path attachment = out.resolve(uuid + "-attachment.txt");
                Files.writeString(attachment, TraceText.format(r.trace()), StandardCharsets.UTF_8);
                ObjectNode result = result(report, r, uuid, attachment.getFileName().toString(), start);
                MAPPER.writeValue(out.resolve(uuid + "-result.json").toFile(), result);
                start += r.durationMs();
            }
            Files.writeString(out.resolve("environment.properties"), environment(report), StandardCharsets.UTF_8);
            MAPPER.writeValue(out.resolve("categories.json").toFile(), categories());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out, e);
        }
        return out;
    }

    /** Allure's status for a verdict. */
    String status(Verdict v) {
        return switch (v == null ? Verdict.ERROR : v) {
            case PASS, INFO -> "passed";
            case FAIL -> "failed";
            case NON_STRICT -> strict ? "failed" : "passed";
            case UNSUPPORTED -> "skipped";
            case ERROR -> "broken";
        };
    }

    private ObjectNode result(RunReport report, CaseResult r, String uuid, String attachment, long start) {
        CaseInfo info = r.info();
        String target = report.targetName();
        ObjectNode n = MAPPER.createObjectNode();
        n.put("uuid", uuid);
        n.put("historyId", historyId(info.id(), target));
        n.put("testCaseId", hash(info.id()));
        n.put("name", info.id() + ": " + info.title());
        n.put("fullName", target + ":" + info.id());
        n.put("status", status(r.verdict()));
        ObjectNode details = n.putObject("statusDetails");
        details.put("known", false);
        details.put("muted", false);
        details.put("flaky", false);
        details.put("message", CaseText.message(r));
        details.put("trace", CaseText.details(r, catalog));
        n.put("stage", "finished");
        n.put("start", start);
        n.put("stop", start + r.durationMs());
        ArrayNode labels = n.putArray("labels");
        label(labels, "suite", info.bolt());
        label(labels, "parentSuite", target);
        label(labels, "subSuite", info.section());
        label(labels, "epic", info.bolt());
        label(labels, "feature", info.section());
        label(labels, "story", info.id());
        label(labels, "tag", info.level() == null ? "UNKNOWN" : info.level().name());
        if (r.verdict() == Verdict.NON_STRICT || r.verdict() == Verdict.INFO) {
            label(labels, "tag", r.verdict().name());
        }
        label(labels, "severity", severity(info.level()));
        label(labels, "framework", "lnconform");
        for (String req : info.requirements()) {
            label(labels, "requirement", req);
        }
        ArrayNode links = n.putArray("links");
        for (String req : info.requirements()) {
            catalog.find(req).flatMap(catalog::specUrl).ifPresent(url -> {
                ObjectNode link = links.addObject();
                link.put("name", req);
                link.put("url", url);
                link.put("type", "requirement");
            });
        }
        n.putArray("parameters");
        n.putArray("steps");
        ObjectNode a = n.putArray("attachments").addObject();
        a.put("name", "wire trace");
        a.put("source", attachment);
        a.put("type", "text/plain");
        return n;
    }

    private static void label(ArrayNode labels, String name, String value) {
        ObjectNode l = labels.addObject();
        l.put("name", name);
        l.put("value", value);
    }

    private static String severity(Level level) {
        if (level == null) {
            return "normal";
        }
        return switch (level) {
            case MUST -> "critical";
            case SHOULD -> "normal";
            case MAY -> "minor";
        };
    }

    /** Stable across runs of the same target, so Allure's history and trends follow a case. */
    static String historyId(String caseId, String target) {
        return hash(target + "\n" + caseId);
    }

    /** A fresh name per run and case, yet the same when the same run is written twice. */
    static String uuid(RunReport report, CaseInfo info) {
        String seed = report.targetName() + "\n" + report.startedAt() + "\n" + info.id();
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String environment(RunReport report) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> e : report.target().entrySet()) {
            out.append(propertyKey("target." + e.getKey())).append('=').append(propertyValue(e.getValue())).append('\n');
        }
        if (report.startedAt() != null) {
            out.append("startedAt=").append(report.startedAt()).append('\n');
        }
        return out.toString();
    }

    private static String propertyKey(String s) {
        return propertyValue(s).replaceAll("[=: ]", "_");
    }

    /** A properties value on one line: backslash-escaped as java.util.Properties reads it. */
    private static String propertyValue(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static ArrayNode categories() {
        ArrayNode cats = MAPPER.createArrayNode();
        category(cats, "Requirement broken (FAIL, or NON_STRICT under --strict)", "failed");
        category(cats, "Harness or infrastructure error (says nothing about the node)", "broken");
        category(cats, "Feature not offered by the node (UNSUPPORTED)", "skipped");
        return cats;
    }

    private static void category(ArrayNode cats, String name, String status) {
        ObjectNode c = cats.addObject();
        c.put("name", name);
        c.putArray("matchedStatuses").add(status);
    }

    private static void clear(Path out) throws IOException {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(out,
                "{*-result.json,*-container.json,*-attachment.*,environment.properties,categories.json}")) {
            for (Path p : old) {
                Files.deleteIfExists(p);
            }
        }
    }
}
