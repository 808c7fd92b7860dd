package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.model.Outcome;
import org.lnconform.harness.run.ConformanceCase;

/**
 * Every case's data points at real things: requirement ids of the pinned spec or of the suite's
 * own list, existing deviations, stable ids; and every requirement a peer can check is either
 * cited by a case or explained in COVERAGE.md.
 */
class CaseDataTest {

    /** A row of COVERAGE.md's table: {@code | B1-STOR-02 | yes | ...}. */
    private static final Pattern COVERAGE_ROW = Pattern.compile("(?m)^\\|\\s*(B[0-9]-[A-Z0-9]+-[0-9]+)\\s*\\|");

    private static Set<String> requirementIds;
    /** Spec requirement id to its "bb" (black-box testable: yes, partly, no). */
    private static Map<String, String> testability;
    private static Map<String, JsonNode> suiteRequirements;
    private static Map<String, String> requirementText;
    private static Map<String, String> levels;

    @BeforeAll
    static void loadRequirements() throws Exception {
        requirementIds = new HashSet<>();
        testability = new HashMap<>();
        requirementText = new HashMap<>();
        levels = new HashMap<>();
        for (JsonNode r : load("/org/lnconform/harness/requirements.json").path("requirements")) {
            StringBuilder text = new StringBuilder();
            r.path("text").forEach(t -> text.append(t.asText()).append(' '));
            requirementText.put(r.path("id").asText(), text.toString());
            levels.put(r.path("id").asText(), r.path("level").asText());
            requirementIds.add(r.path("id").asText());
            testability.put(r.path("id").asText(), r.path("bb").asText());
        }
        assertThat(requirementIds).hasSizeGreaterThan(100);
        suiteRequirements = new HashMap<>();
        for (JsonNode r : load("/org/lnconform/harness/lnc-requirements.json").path("requirements")) {
            suiteRequirements.put(r.path("id").asText(), r);
        }
    }

    private static JsonNode load(String resource) throws IOException {
        try (InputStream in = CaseDataTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the class path").isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<CaseInfo> infos() {
        return Catalogue.all().stream().map(ConformanceCase::info).toList();
    }

    private static Set<String> cited() {
        return infos().stream().flatMap(i -> i.requirements().stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyRequirementIdExistsInTheSpecOrIsTheSuitesOwn() {
        List<String> unknown = infos().stream()
                .flatMap(i -> i.requirements().stream()
                        .filter(r -> !requirementIds.contains(r) && !suiteRequirements.containsKey(r))
                        .map(r -> i.id() + " cites " + r))
                .toList();
        assertThat(unknown).as("requirement ids in neither requirements.json nor lnc-requirements.json").isEmpty();
    }

    @Test
    void suiteRequirementsAreStatedAndUsed() {
        List<String> bad = suiteRequirements.entrySet().stream()
                .filter(e -> !e.getKey().matches("LNC-[A-Z]+-[0-9]{2}")
                        || !Set.of("MUST", "SHOULD", "MAY").contains(e.getValue().path("level").asText())
                        || e.getValue().path("text").isEmpty() || e.getValue().path("section").asText().isEmpty()
                        || e.getValue().path("how").asText().isEmpty())
                .map(Map.Entry::getKey).toList();
        assertThat(bad).as("lnc-requirements.json entries without id form, level, text, section or how").isEmpty();
        assertThat(suiteRequirements.keySet()).as("suite requirements no case cites").isSubsetOf(cited());
        assertThat(suiteRequirements.keySet()).as("suite ids that clash with the spec's").doesNotContainAnyElementsOf(requirementIds);
    }

    @Test
    void everyTestableRequirementIsCitedOrExplainedInCoverage() throws IOException {
        Set<String> explained = new TreeSet<>();
        Matcher m = COVERAGE_ROW.matcher(Files.readString(coverageFile()));
        while (m.find()) {
            explained.add(m.group(1));
        }
        Set<String> cited = cited();
        Set<String> uncovered = testability.entrySet().stream()
                .filter(e -> e.getValue().equals("yes") || e.getValue().equals("partly"))
                .map(Map.Entry::getKey).filter(id -> !cited.contains(id))
                .collect(Collectors.toCollection(TreeSet::new));
        uncovered.removeAll(explained);
        assertThat(uncovered).as("black-box testable requirements neither cited by a case nor listed in COVERAGE.md")
                .isEmpty();
        Set<String> stale = new TreeSet<>(explained);
        stale.retainAll(cited);
        assertThat(stale).as("COVERAGE.md lists requirements that cases do cite").isEmpty();
        Set<String> unknown = new TreeSet<>(explained);
        unknown.removeAll(requirementIds);
        assertThat(unknown).as("COVERAGE.md lists ids not in requirements.json").isEmpty();
    }

    /** harness/COVERAGE.md, from the module directory (Maven) or the repository root (an IDE). */
    private static Path coverageFile() {
        Path here = Path.of("COVERAGE.md");
        return Files.exists(here) ? here : Path.of("harness", "COVERAGE.md");
    }

    @Test
    void everyCaseCitesARequirement() {
        assertThat(infos().stream().filter(i -> i.requirements().isEmpty()).map(CaseInfo::id).toList()).isEmpty();
    }

    @Test
    void idsAreHierarchicalAndLowerCase() {
        List<String> bad = infos().stream().map(CaseInfo::id)
                .filter(id -> !id.matches("bolt0[0-9](/[a-z0-9]+(-[a-z0-9]+)*){2,}")).toList();
        assertThat(bad).as("ids not of the form boltNN/section/name").isEmpty();
    }

    /** Outcomes a case over a running connection can observe after its action. */
    private static final Set<Outcome> EVERY_REACTION = EnumSet.of(Outcome.CLOSED, Outcome.ERROR_THEN_CLOSED,
            Outcome.STAYED_UP, Outcome.WARNED_STAYED_UP);

    @Test
    void noCaseAcceptsAZombieOrAGarbledFrame() {
        List<String> bad = infos().stream()
                .filter(i -> i.allowed().contains(Outcome.SILENT) || i.allowed().contains(Outcome.GARBLED)
                        || i.inconclusive().contains(Outcome.SILENT) || i.inconclusive().contains(Outcome.GARBLED))
                .map(CaseInfo::id).toList();
        assertThat(bad).as("cases that accept a zombie connection or a frame that fails decryption").isEmpty();
    }

    @Test
    void noCaseAllowsEveryOutcomeUnlessARobustnessRuleSaysWhatItCatches() {
        List<String> bad = infos().stream()
                .filter(i -> i.allowed().containsAll(EVERY_REACTION))
                .filter(i -> i.requirements().stream().noneMatch(r -> r.startsWith("LNC-")))
                .map(CaseInfo::id).toList();
        assertThat(bad).as("cases that pass whatever the node does (short of a zombie) without an LNC- requirement")
                .isEmpty();
    }

    @Test
    void mustIgnoreIsExact() {
        // where the first requirement a case checks says MUST ignore, only "ignored and still up" passes
        List<String> bad = infos().stream()
                .filter(i -> requirementText.getOrDefault(i.requirements().get(0), "").contains("MUST ignore")
                        && "MUST".equals(levels.get(i.requirements().get(0))))
                .filter(i -> !i.allowed().equals(Set.of(Outcome.STAYED_UP)) || !i.inconclusive().isEmpty())
                .map(i -> i.id() + " allows " + i.allowed()).toList();
        assertThat(bad).as("MUST-ignore cases that let some reaction pass").isEmpty();
        assertThat(infos().stream().filter(i -> i.allowed().equals(Set.of(Outcome.STAYED_UP))).count())
                .as("MUST-ignore cases exist").isGreaterThan(5);
    }

    @Test
    void aPermissionToCloseNeverFails() {
        // where a MAY case checks a requirement that says the node MAY close, closing must pass
        List<String> bad = infos().stream()
                .filter(i -> i.level() == org.lnconform.harness.model.Level.MAY)
                .filter(i -> i.requirements().stream().anyMatch(r -> "MAY".equals(levels.get(r))
                        && requirementText.getOrDefault(r, "").contains("MAY close the connection")))
                .filter(i -> !i.allowed().contains(Outcome.CLOSED) || !i.allowed().contains(Outcome.ERROR_THEN_CLOSED))
                .map(i -> i.id() + " allows " + i.allowed()).toList();
        assertThat(bad).as("cases that fail a node for a close the spec permits").isEmpty();
        assertThat(infos().stream().filter(i -> i.level() == org.lnconform.harness.model.Level.MAY).count())
                .as("MAY cases exist").isGreaterThan(2);
    }
}
