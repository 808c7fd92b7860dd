package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.harness.model.CaseInfo;
import org.lnconform.harness.run.ConformanceCase;
import org.lnconform.peer.Deviation;

/** Every case's data points at real things: requirement ids of the pinned spec, existing deviations, stable ids. */
class CaseDataTest {

    private static Set<String> requirementIds;

    @BeforeAll
    static void loadRequirements() throws Exception {
        try (InputStream in = CaseDataTest.class.getResourceAsStream("/org/lnconform/harness/requirements.json")) {
            assertThat(in).as("requirements.json on the class path").isNotNull();
            JsonNode root = new ObjectMapper().readTree(in);
            requirementIds = new HashSet<>();
            root.path("requirements").forEach(r -> requirementIds.add(r.path("id").asText()));
        }
        assertThat(requirementIds).hasSizeGreaterThan(100);
    }

    private static List<CaseInfo> infos() {
        return Catalogue.all().stream().map(ConformanceCase::info).toList();
    }

    @Test
    void everyRequirementIdExistsInTheSpecOrIsTheSuitesOwn() {
        List<String> unknown = infos().stream()
                .flatMap(i -> i.requirements().stream()
                        .filter(r -> !requirementIds.contains(r) && !r.startsWith("LNC-"))
                        .map(r -> i.id() + " cites " + r))
                .toList();
        assertThat(unknown).as("requirement ids not in requirements.json").isEmpty();
    }

    @Test
    void everyCaseCitesARequirement() {
        assertThat(infos().stream().filter(i -> i.requirements().isEmpty()).map(CaseInfo::id).toList()).isEmpty();
    }

    @Test
    void everyCaseNamesAnExistingDeviation() {
        Set<String> names = Arrays.stream(Deviation.values()).map(Deviation::name).collect(Collectors.toSet());
        List<String> bad = infos().stream().filter(i -> !names.contains(i.failsUnderDeviation()))
                .map(i -> i.id() + " -> " + i.failsUnderDeviation()).toList();
        assertThat(bad).as("cases whose deviation does not exist").isEmpty();
    }

    @Test
    void idsAreHierarchicalAndLowerCase() {
        List<String> bad = infos().stream().map(CaseInfo::id)
                .filter(id -> !id.matches("bolt0[0-9](/[a-z0-9]+(-[a-z0-9]+)*){2,}")).toList();
        assertThat(bad).as("ids not of the form boltNN/section/name").isEmpty();
    }

    @Test
    void noCaseAllowsEveryOutcome() {
        // a case that accepts anything cannot fail; SILENT in particular must never pass
        List<String> bad = infos().stream().filter(i -> i.allowed().contains(
                org.lnconform.harness.model.Outcome.SILENT)).map(CaseInfo::id).toList();
        assertThat(bad).as("cases that accept a zombie connection").isEmpty();
    }
}
