package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.RunReport;

class AllureResultsTest {

    @TempDir
    Path dir;

    private final ObjectMapper mapper = new ObjectMapper();

    /** case id (the {@code story} label) → result JSON. */
    private Map<String, JsonNode> results(Path out) throws Exception {
        Map<String, JsonNode> byId = new HashMap<>();
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith("-result.json"))::iterator) {
                JsonNode n = mapper.readTree(f.toFile());
                assertThat(f.getFileName().toString()).isEqualTo(n.get("uuid").asText() + "-result.json");
                byId.put(labels(n, "story").get(0), n);
            }
        }
        return byId;
    }

    private static List<String> labels(JsonNode result, String name) {
        List<String> values = new ArrayList<>();
        result.get("labels").forEach(l -> {
            if (l.get("name").asText().equals(name)) {
                values.add(l.get("value").asText());
            }
        });
        return values;
    }

    @Test
    void oneResultPerCaseWithTheRequiredFields() throws Exception {
        RunReport run = SampleRuns.run();
        Path out = new AllureResults(false).write(run, dir);
        assertThat(out).isEqualTo(dir.resolve("allure-results"));
        Map<String, JsonNode> results = results(out);
        assertThat(results).hasSize(7);
        JsonNode fail = results.get("bolt01/ping/num-pong-bytes-large");
        for (String field : List.of("uuid", "historyId", "name", "fullName", "status", "statusDetails", "stage",
                "start", "stop", "labels", "attachments")) {
            assertThat(fail.has(field)).as(field).isTrue();
        }
        assertThat(fail.get("status").asText()).isEqualTo("failed");
        assertThat(fail.get("fullName").asText()).isEqualTo("reference:bolt01/ping/num-pong-bytes-large");
        assertThat(fail.get("statusDetails").get("message").asText()).contains("B1-PING-05", SampleRuns.MALICIOUS);
        assertThat(fail.get("statusDetails").get("trace").asText()).contains("01-messaging.md");
        assertThat(labels(fail, "suite")).containsExactly("bolt01");
        assertThat(labels(fail, "parentSuite")).containsExactly("reference");
        assertThat(labels(fail, "subSuite")).containsExactly("bolt01/ping");
        assertThat(labels(fail, "epic")).containsExactly("bolt01");
        assertThat(labels(fail, "feature")).containsExactly("bolt01/ping");
        assertThat(labels(fail, "tag")).containsExactly("MUST");
        assertThat(labels(fail, "requirement")).containsExactly("B1-PING-05", "B1-PING-06");
        assertThat(fail.get("links").get(0).get("url").asText()).startsWith("https://github.com/lightning/bolts/blob/");

        JsonNode attachment = fail.get("attachments").get(0);
        assertThat(attachment.get("type").asText()).isEqualTo("text/plain");
        assertThat(attachment.get("source").asText()).isEqualTo(fail.get("uuid").asText() + "-attachment.txt");
        assertThat(Files.readString(out.resolve(attachment.get("source").asText())))
                .contains("->  ping", "<-  error", "==  close");
    }

    @Test
    void verdictsMapToAllureStatuses() throws Exception {
        Map<String, JsonNode> lax = results(new AllureResults(false).write(SampleRuns.run(), dir.resolve("lax")));
        assertThat(lax.get("bolt08/act1/bad-version").get("status").asText()).isEqualTo("passed");
        assertThat(lax.get("bolt01/error/warning-after-bad").get("status").asText()).isEqualTo("passed");
        assertThat(lax.get("bolt09/init/feature-bits").get("status").asText()).isEqualTo("passed");
        assertThat(lax.get("bolt09/init/needs-gossip-queries").get("status").asText()).isEqualTo("skipped");
        assertThat(lax.get("bolt01/ping/harness-broke").get("status").asText()).isEqualTo("broken");
        Map<String, JsonNode> strict = results(new AllureResults(true).write(SampleRuns.run(), dir.resolve("strict")));
        assertThat(strict.get("bolt01/error/warning-after-bad").get("status").asText()).isEqualTo("failed");
    }

    @Test
    void historyIdIsStableAcrossRunsAndVersionsOfATarget() throws Exception {
        JsonNode first = results(new AllureResults(false).write(SampleRuns.run("lnd", "1"), dir.resolve("a")))
                .get("bolt01/ping/ignored-odd");
        RunReport later = SampleRuns.run("lnd", "2");
        later = new RunReport(later.target(), later.startedAt().plusSeconds(3600), 1, later.results());
        JsonNode second = results(new AllureResults(false).write(later, dir.resolve("b"))).get("bolt01/ping/ignored-odd");
        assertThat(second.get("historyId")).isEqualTo(first.get("historyId"));
        assertThat(second.get("uuid")).isNotEqualTo(first.get("uuid"));
        assertThat(AllureResults.historyId("bolt01/ping/ignored-odd", "eclair"))
                .isNotEqualTo(first.get("historyId").asText());
    }

    @Test
    void environmentDescribesTheTargetAndOldResultsAreCleared() throws Exception {
        Path out = new AllureResults(false).write(SampleRuns.run("old", "0"), dir);
        new AllureResults(false).write(SampleRuns.run(), dir);
        Properties env = new Properties();
        try (Reader r = Files.newBufferedReader(out.resolve("environment.properties"))) {
            env.load(r);
        }
        assertThat(env).containsEntry("target.name", "reference").containsEntry("target.version", "0.1.0")
                .containsEntry("target.uri", "02aa@127.0.0.1:9735");
        assertThat(results(out)).hasSize(7);
        assertThat(out.resolve("categories.json")).exists();
    }
}
