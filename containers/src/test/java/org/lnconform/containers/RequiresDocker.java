package org.lnconform.containers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class needs a Docker engine and the named node images in it ({@code lnd}, {@code ldk}, {@code cln}, {@code eclair};
 * see {@link TestImages}). Without them the tests are skipped with the reason, except under
 * {@code CI=true}, where they fail: interop tests must run in CI.
 */
@java.lang.annotation.Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
@Tag("docker")
public @interface RequiresDocker {

    /** Node images that must be present locally: {@code lnd}, {@code ldk}, {@code cln}, {@code eclair}. */
    String[] nodes() default {};

    /**
     * A system property holding a comma-separated node list (the interop matrix's,
     * {@code lnconform.interop.nodes}); when set, the listed nodes need their images instead of
     * {@link #nodes()}, {@code reference} (embedded) aside. Nodes may carry a release
     * ({@code lnd-v0.21.3-beta}, see {@link TestImages}).
     */
    String nodesProperty() default "";
}
