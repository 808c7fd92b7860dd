package org.lnconform.containers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine answers, and if not, why, in words a user can act on: the engine is down,
 * or Testcontainers needs {@code TESTCONTAINERS_HOST_OVERRIDE} / {@code TESTCONTAINERS_RYUK_DISABLED}
 * (it reads both only from the environment; under {@code dockerd --bridge=none} and offline both are
 * required).
 */
public final class DockerEngine {

    /** No usable Docker engine: the CLI maps it, like every start-up failure, to exit code 3. */
    public static final class UnavailableException extends IllegalStateException {
        UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private DockerEngine() {}

    /** Throws {@link UnavailableException} with the reason and what to do, unless an engine answers. */
    public static void require() {
        problem().ifPresent(p -> {
            throw new UnavailableException(p, null);
        });
    }

    /** Why no container can be started here, if so. */
    public static Optional<String> problem() {
        try {
            DockerClientFactory.instance().client().pingCmd().exec();
            return Optional.empty();
        } catch (RuntimeException | Error e) {
            return Optional.of(explain(e, System.getenv("TESTCONTAINERS_HOST_OVERRIDE"),
                    System.getenv("TESTCONTAINERS_RYUK_DISABLED"), Files.exists(Path.of("/.dockerenv"))));
        }
    }

    /** Whether the image is in the local engine (no pull is attempted). */
    public static boolean hasImage(String image) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The message for a failed connection to the engine, with the hints that apply. */
    static String explain(Throwable failure, String hostOverride, String ryukDisabled, boolean inContainer) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            all.append(t).append('\n');
        }
        String text = all.toString();
        List<String> hints = new ArrayList<>();
        if (text.contains("bridge") || (inContainer && isBlank(hostOverride))) {
            hints.add("set TESTCONTAINERS_HOST_OVERRIDE=127.0.0.1 (the nodes use host networking; without it "
                    + "Testcontainers looks for the Docker network 'bridge', which dockerd --bridge=none lacks)");
        }
        if (text.toLowerCase().contains("ryuk") || !"true".equalsIgnoreCase(ryukDisabled)) {
            hints.add("set TESTCONTAINERS_RYUK_DISABLED=true (the Ryuk image cannot be pulled offline; "
                    + "lnconform stops its own containers)");
        }
        if (text.contains("Could not find a valid Docker environment") || text.contains("docker.sock")
                || text.contains("Connection refused")) {
            hints.add("start a Docker engine (in this repository: bash .ci/docker.sh)");
        }
        StringBuilder m = new StringBuilder("no usable Docker engine: ").append(firstLine(failure));
        for (String h : hints) {
            m.append("\n  - ").append(h);
        }
        return m.toString();
    }

    private static String firstLine(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String msg = t.getMessage() == null ? t.toString() : t.getMessage();
        if (root != t && root.getMessage() != null) {
            msg += " (" + root.getMessage() + ")";
        }
        int nl = msg.indexOf('\n');
        return nl < 0 ? msg : msg.substring(0, nl);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
