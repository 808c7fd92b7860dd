package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.run.ConformanceCase;

/**
 * harness/OUTCOMES.md is the catalogue's outcome audit, generated from the cases: for each, the
 * requirement text it checks, the outcomes that pass, those that are INFO, and why. The test
 * regenerates it and fails if the checked-in file differs (run with {@code -Dlnconform.outcomes.write=true}
 * to rewrite it).
 */
class OutcomeTableTest {

    static Map<String, String> requirementTexts() throws IOException {
        Map<String, String> texts = new LinkedHashMap<>();
        for (String resource : List.of("/org/lnconform/harness/requirements.json",
                "/org/lnconform/harness/lnc-requirements.json")) {
            try (InputStream in = OutcomeTableTest.class.getResourceAsStream(resource)) {
                for (JsonNode r : new ObjectMapper().readTree(in).path("requirements")) {
                    List<String> lines = new ArrayList<>();
                    r.path("text").forEach(t -> lines.add(t.asText()));
                    texts.put(r.path("id").asText(), r.path("level").asText() + ": " + String.join(" ", lines));
                }
            }
        }
        return texts;
    }

    static String table() throws IOException {
        Map<String, String> texts = requirementTexts();
        StringBuilder out = new StringBuilder();
        out.append("# Outcome table\n\n")
                .append("Generated from the catalogue by `OutcomeTableTest` (rewrite with `mvn -pl harness -am verify")
                .append(" -Dtest=OutcomeTableTest -Dsurefire.failIfNoSpecifiedTests=false -Dlnconform.outcomes.write=true`).")
                .append(" Do not edit by hand.\n\n")
                .append("For each case: the requirements it checks with their text as the pinned spec words it")
                .append(" (LNC- ids are lnconform's own robustness rules), the outcomes that PASS, those the wire")
                .append(" cannot judge (INFO), and why. Any other outcome fails at the case's level (MUST: FAIL,")
                .append(" SHOULD: NON_STRICT, MAY: INFO). A frame from the node that fails decryption (GARBLED)")
                .append(" is a BOLT 8 FAIL in every case. Outcomes: ");
        out.append(java.util.Arrays.stream(Outcome.values()).map(o -> "`" + o.name() + "` " + o.description())
                .collect(Collectors.joining("; "))).append(".\n\n");
        out.append("| case | level | requirements | pass | INFO | why |\n|---|---|---|---|---|---|\n");
        for (ConformanceCase c : Catalogue.all()) {
            CaseInfo i = c.info();
            String reqs = i.requirements().stream().map(id -> "**" + id + "** " + texts.getOrDefault(id, "(unknown)"))
                    .collect(Collectors.joining("<br>"));
            out.append("| `").append(i.id()).append("` | ").append(i.level()).append(" | ").append(cell(reqs))
                    .append(" | ").append(names(i.allowed())).append(" | ").append(names(i.inconclusive()))
                    .append(" | ").append(cell(c.why())).append(" |\n");
        }
        return out.toString();
    }

    private static String names(java.util.Set<Outcome> os) {
        return os.isEmpty() ? "" : os.stream().sorted().map(Outcome::name).collect(Collectors.joining(", "));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace("\n", " ");
    }

    /** harness/OUTCOMES.md from the module directory (Maven) or the repository root (an IDE). */
    static Path file() {
        Path here = Path.of("COVERAGE.md");
        return Files.exists(here) ? Path.of("OUTCOMES.md") : Path.of("harness", "OUTCOMES.md");
    }

    @Test
    void outcomesMdIsGeneratedFromTheCatalogue() throws IOException {
        String generated = table();
        if (Boolean.getBoolean("lnconform.outcomes.write")) {
            Files.writeString(file(), generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(file())).as(file() + " exists (generate it with -Dlnconform.outcomes.write=true)").isTrue();
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).as(file() + " is out of date: regenerate it")
                .isEqualTo(generated);
    }

    @Test
    void everyCitedRequirementHasText() throws IOException {
        Map<String, String> texts = requirementTexts();
        List<String> missing = Catalogue.all().stream().flatMap(c -> c.info().requirements().stream())
                .filter(id -> !texts.containsKey(id)).distinct().toList();
        assertThat(missing).isEmpty();
    }
}
