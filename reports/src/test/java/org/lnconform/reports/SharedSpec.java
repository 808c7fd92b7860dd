package org.lnconform.reports;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/** The pinned spec checked out beside the project ({@code ../shared/bolts}), which some tests read. */
final class SharedSpec {

    private SharedSpec() {}

    /** The bolts directory; skips the test when it is missing, except under CI=true, where it fails. */
    static Path bolts() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path b = p.resolveSibling("shared").resolve("bolts");
            if (Files.isRegularFile(b.resolve("01-messaging.md"))) {
                return b;
            }
        }
        String why = "the pinned spec (../shared/bolts beside the checkout) is not there";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(why + ", and CI=true requires it");
        }
        Assumptions.abort(why);
        return null;
    }
}
