package org.lnconform.harness;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.cases.Catalogue;
import org.lnconform.peer.Deviation;

/** The self-test's table covers every case, names only cases that exist, and leaves no deviation unused. */
class SelfTestDeviationsTest {

    private static Set<String> caseIds() {
        return Catalogue.all().stream().map(c -> c.info().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCaseHasAtLeastOneDeviation() {
        Set<String> missing = caseIds();
        SelfTestDeviations.BY_CASE.forEach((id, ds) -> {
            if (!ds.isEmpty()) {
                missing.remove(id);
            }
        });
        assertThat(missing).as("cases with no deviation that must make them fail").isEmpty();
    }

    @Test
    void everyEntryNamesAnExistingCase() {
        Set<String> unknown = new TreeSet<>(SelfTestDeviations.BY_CASE.keySet());
        unknown.removeAll(caseIds());
        assertThat(unknown).as("self-test entries for case ids not in the catalogue").isEmpty();
    }

    @Test
    void everyDeviationIsUsedByACase() {
        Set<Deviation> used = SelfTestDeviations.BY_CASE.values().stream().flatMap(List::stream)
                .collect(Collectors.toSet());
        List<String> unused = SelfTestDeviations.all().stream().filter(d -> !used.contains(d)).map(Deviation::name)
                .sorted().toList();
        assertThat(unused).as("deviations no case is shown to fail under: give each a case or remove it").isEmpty();
    }
}
