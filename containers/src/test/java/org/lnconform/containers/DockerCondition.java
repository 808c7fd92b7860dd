package org.lnconform.containers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/** Skips (locally) or fails (under {@code CI=true}) a {@link RequiresDocker} class whose engine or images are missing. */
final class DockerCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Optional<RequiresDocker> needs = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class);
        if (needs.isEmpty()) {
            return ConditionEvaluationResult.enabled("no Docker needed");
        }
        Optional<String> problem = DockerEngine.problem();
        if (problem.isEmpty()) {
            for (String node : needed(needs.get())) {
                String image = TestImages.forNode(node);
                if (!DockerEngine.hasImage(image)) {
                    problem = Optional.of("image " + image + " is not in the local Docker engine "
                            + "(build it: bash .ci/images.sh; or name another with -Dlnconform." + node + ".image=…)");
                    break;
                }
            }
        }
        if (problem.isEmpty()) {
            return ConditionEvaluationResult.enabled("Docker engine and images present");
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("CI=true, so interop tests must run, but: " + problem.get());
        }
        return ConditionEvaluationResult.disabled(problem.get());
    }

    private static List<String> needed(RequiresDocker needs) {
        List<String> nodes = List.of(needs.nodes());
        String selected = needs.nodesProperty().isEmpty() ? null : System.getProperty(needs.nodesProperty());
        if (selected == null || selected.isBlank()) {
            return nodes;
        }
        return Stream.of(selected.split(",")).map(String::trim).filter(n -> !n.isEmpty() && !n.equals("reference"))
                .collect(Collectors.toList());
    }
}
