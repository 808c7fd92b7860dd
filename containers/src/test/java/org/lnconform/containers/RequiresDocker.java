package org.lnconform.containers;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test class needs a Docker engine and the named node images in it ({@code lnd}, {@code ldk};
 * see {@link TestImages}). Without them the tests are skipped with the reason, except under
 * {@code CI=true}, where they fail: interop tests must run in CI.
 */
@java.lang.annotation.Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DockerCondition.class)
@Tag("docker")
public @interface RequiresDocker {

    /** Node images that must be present locally: {@code lnd}, {@code ldk}. */
    String[] nodes() default {};

    /** Also every node of the interop matrix's node list ({@code lnconform.interop.nodes}). */
    boolean interopNodes() default false;
}
