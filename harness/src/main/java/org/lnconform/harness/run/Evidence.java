package org.lnconform.harness.run;

import java.util.Set;
import org.lnconform.harness.model.Outcome;

/**
 * What a case observed: the outcome class and a sentence saying exactly what happened. When the
 * outcome is {@link Outcome#GARBLED} (a BOLT 8 finding), {@code before} holds the outcomes the
 * case's own exchange could still have ended in, given what the node sent before the garbled frame
 * (empty when nothing narrows them); the runner judges the case's own requirement on them
 * separately (one verdict if they all agree) and adds that judgement to the evidence.
 */
public record Evidence(Outcome outcome, String observed, Set<Outcome> before) {

    public Evidence {
        before = Set.copyOf(before);
    }

    public Evidence(Outcome outcome, String observed) {
        this(outcome, observed, Set.of());
    }

    public static Evidence of(Outcome outcome, String observed) {
        return new Evidence(outcome, observed);
    }

    public static Evidence conforms(String observed) {
        return new Evidence(Outcome.CONFORMS, observed);
    }

    public static Evidence violates(String observed) {
        return new Evidence(Outcome.VIOLATES, observed);
    }

    /** The oracle's outcome with its own description. */
    public static Evidence of(Outcome outcome) {
        return new Evidence(outcome, "the node " + outcome.description());
    }
}
