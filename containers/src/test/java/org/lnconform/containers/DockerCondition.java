package org.lnconform.containers;

import java.util.Optional;
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
            java.util.List<String> nodes = new java.util.ArrayList<>(java.util.List.of(needs.get().nodes()));
            if (needs.get().interopNodes()) {
                InteropMatrixTest.nodes().stream().filter(n -> !n.equals("reference")).forEach(nodes::add);
            }
            for (String node : nodes) {
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
}
