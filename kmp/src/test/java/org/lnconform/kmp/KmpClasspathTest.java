package org.lnconform.kmp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** lightning-kmp's logger drags JUnit 4 in; the pom excludes it, and this checks it stays out. */
@DisplayName("kmp module classpath")
class KmpClasspathTest {

    @Test
    @DisplayName("no JUnit 4 and no kotlin-test on the test classpath")
    void noJunit4() {
        for (String name : new String[] {"org.junit.Test", "junit.framework.TestCase", "kotlin.test.AssertionsKt"}) {
            assertThat(isPresent(name)).as(name).isFalse();
        }
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, KmpClasspathTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
