package org.lnconform.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.model.RunReport;

class JsonReportTest {

    @TempDir
    Path dir;

    @Test
    void writeThenReadGivesTheSameRun() {
        RunReport run = SampleRuns.run();
        RunReport back = JsonReport.read(JsonReport.write(run, dir));
        assertThat(back).isEqualTo(run);
        assertThat(JsonReport.read(dir)).isEqualTo(run);
    }

    @Test
    void sameRunGivesByteIdenticalFiles() throws Exception {
        byte[] first = Files.readAllBytes(JsonReport.write(SampleRuns.run(), dir.resolve("a")));
        byte[] second = Files.readAllBytes(JsonReport.write(SampleRuns.run(), dir.resolve("b")));
        assertThat(second).isEqualTo(first);
        String text = new String(first, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("\r").endsWith("}\n");
        // a read-back run writes the same bytes again
        assertThat(JsonReport.toJson(JsonReport.read(dir.resolve("a")))).isEqualTo(text);
    }

    @Test
    void summaryCountsEachVerdictInTheDocumentedOrder() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.run()));
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("format", "target", "seed", "summary", "results");
        assertThat(root.get("format").asText()).isEqualTo(JsonReport.FORMAT);
        JsonNode summary = root.get("summary");
        List<String> summaryKeys = new ArrayList<>();
        summary.fieldNames().forEachRemaining(summaryKeys::add);
        assertThat(summaryKeys).containsExactly("passed", "failed", "non_strict", "unsupported", "error", "info");
        assertThat(summary.get("passed").asInt()).isEqualTo(2);
        assertThat(summary.get("failed").asInt()).isEqualTo(1);
        assertThat(summary.get("non_strict").asInt()).isEqualTo(1);
        assertThat(summary.get("unsupported").asInt()).isEqualTo(1);
        assertThat(summary.get("error").asInt()).isEqualTo(1);
        assertThat(summary.get("info").asInt()).isEqualTo(1);
    }

    @Test
    void resultsKeepCatalogueOrderAndCarryTheEvidence() throws Exception {
        JsonNode root = new ObjectMapper().readTree(JsonReport.toJson(SampleRuns.run()));
        JsonNode results = root.get("results");
        assertThat(results).hasSize(7);
        assertThat(results.get(0).get("id").asText()).isEqualTo("bolt08/act1/bad-version");
        JsonNode fail = results.get(2);
        List<String> keys = new ArrayList<>();
        fail.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).startsWith("id", "title", "verdict", "level", "side", "requirements", "outcome", "allowed");
        assertThat(keys).contains("expected", "observed").doesNotContain("durationMs", "trace");
        assertThat(fail.get("verdict").asText()).isEqualTo("FAIL");
        assertThat(fail.get("allowed").toString()).isEqualTo("[\"CLOSED\",\"ERROR_THEN_CLOSED\"]");
        assertThat(fail.get("requirements").toString()).isEqualTo("[\"B1-PING-05\",\"B1-PING-06\"]");
        assertThat(results.get(5).get("outcome").isNull()).isTrue();
    }

    @Test
    void timesAddressAndTracesGoToTheEvidenceFile() throws Exception {
        RunReport run = SampleRuns.run();
        String index = JsonReport.toJson(run);
        assertThat(index).doesNotContain("startedAt", "durationMs", "atMs", "127.0.0.1");
        JsonNode evidence = new ObjectMapper().readTree(EvidenceJson.toJson(run));
        assertThat(evidence.get("startedAt").asText()).isEqualTo("2026-01-02T03:04:05.678Z");
        assertThat(evidence.get("target").get("uri").asText()).isEqualTo("02aa@127.0.0.1:9735");
        JsonNode fail = evidence.get("cases").get(2);
        assertThat(fail.get("id").asText()).isEqualTo("bolt01/ping/num-pong-bytes-large");
        assertThat(fail.get("durationMs").asInt()).isEqualTo(37);
        JsonNode sent = fail.get("trace").get(0);
        assertThat(sent.get("direction").asText()).isEqualTo("SENT");
        assertThat(sent.get("kind").asText()).isEqualTo("ping");
        assertThat(sent.get("size").asInt()).isEqualTo(12);
        assertThat(sent.has("hex")).isTrue();
    }

    @Test
    void seedAndPreflightRoundTripWithTheirTraceInTheEvidence() throws Exception {
        RunReport base = SampleRuns.run();
        RunReport run = new RunReport(base.target(), base.startedAt(), base.durationMs(), List.of(), 42,
                new org.lnconform.harness.model.Preflight(false, "no init within 5 s: is it a Lightning node?", 5003,
                        SampleRuns.handshakeTrace()));
        JsonReport.write(run, dir);
        assertThat(JsonReport.read(dir)).isEqualTo(run);
        String index = Files.readString(dir.resolve(JsonReport.FILE));
        assertThat(index).contains("\"seed\": 42", "\"passed\": false", "is it a Lightning node?").doesNotContain("5003");
        assertThat(HtmlReport.render(run)).contains("Preflight failed: no case ran", "is it a Lightning node?");
    }

    @Test
    void anIndexWithoutItsEvidenceStillReads() throws Exception {
        JsonReport.write(SampleRuns.run(), dir);
        Files.delete(dir.resolve(EvidenceJson.FILE));
        RunReport back = JsonReport.read(dir);
        assertThat(back.results()).hasSize(7);
        assertThat(back.results().get(0).trace()).isEmpty();
        assertThat(back.results().get(0).verdict()).isEqualTo(SampleRuns.run().results().get(0).verdict());
    }

    @Test
    void readingSomethingElseSaysSo() throws Exception {
        Path bogus = dir.resolve("index.json");
        Files.writeString(bogus, "{\"results\":[{\"verdict\":\"MAYBE\"}]}");
        assertThatThrownBy(() -> JsonReport.read(bogus)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an lnconform index.json");
    }
}
