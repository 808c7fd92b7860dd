package org.lnconform.harness.run;

import org.lnconform.harness.model.Outcome;

/** What a case observed: the outcome class and a sentence saying exactly what happened. */
public record Evidence(Outcome outcome, String observed) {

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
