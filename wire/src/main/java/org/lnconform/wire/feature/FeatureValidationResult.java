package org.lnconform.wire.feature;

import java.util.List;
import java.util.Objects;

/** The outcome of checking an {@code init}'s features: the combined map and every finding. */
public record FeatureValidationResult(FeatureVector combined, List<FeatureProblem> problems) {

    public FeatureValidationResult {
        Objects.requireNonNull(combined, "combined");
        problems = List.copyOf(problems);
    }

    /** True if any finding obliges the receiver to close the connection. */
    public boolean mustClose() {
        return problems.stream().anyMatch(FeatureProblem::mustClose);
    }

    public List<FeatureProblem> closeReasons() {
        return problems.stream().filter(FeatureProblem::mustClose).toList();
    }

    public List<FeatureProblem> problems(FeatureProblem.Kind kind) {
        return problems.stream().filter(p -> p.kind() == kind).toList();
    }

    public List<FeatureProblem> problems(FeatureProblem.Severity severity) {
        return problems.stream().filter(p -> p.kind().severity() == severity).toList();
    }
}
