package org.lnconform.tck;

import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.lnconform.harness.model.CaseResult;
import org.opentest4j.AssertionFailedError;

/**
 * A verdict as a JUnit result: FAIL (and NON_STRICT under strict) is an assertion failure, which
 * build tools count as a test failure; ERROR is any other throwable, which they count as a test
 * error; UNSUPPORTED is a skipped test; PASS and INFO succeed.
 */
final class VerdictMapping {

    private VerdictMapping() {}

    static Optional<String> skipReason(CaseResult r) {
        if (r.verdict() == org.lnconform.harness.model.Verdict.UNSUPPORTED) {
            return Optional.of("UNSUPPORTED " + r.info().id() + ": " + r.observed());
        }
        return Optional.empty();
    }

    static TestExecutionResult result(CaseResult r, boolean strict) {
        if (r.verdict() == null) {
            return TestExecutionResult.failed(new ConformanceError(message(r, "no verdict")));
        }
        return switch (r.verdict()) {
            case PASS, INFO, UNSUPPORTED -> TestExecutionResult.successful();
            case NON_STRICT -> strict
                    ? TestExecutionResult.failed(new AssertionFailedError(message(r, "SHOULD broken")))
                    : TestExecutionResult.successful();
            case FAIL -> TestExecutionResult.failed(new AssertionFailedError(message(r, "MUST broken")));
            case ERROR -> TestExecutionResult.failed(new ConformanceError(message(r, "harness or infrastructure error")));
        };
    }

    /** One line a CI summary shows whole: id, what broke, requirement and level, expected, observed. */
    static String message(CaseResult r, String what) {
        return r.info().id() + ": " + what + " [" + String.join(", ", r.info().requirements()) + " " + r.info().level()
                + "] expected: " + r.expected() + "; observed: " + r.observed();
    }
}
