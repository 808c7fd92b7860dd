package org.lnconform.containers;

import java.util.Arrays;
import org.testcontainers.containers.ContainerState;

/** The last lines of a container's output, for start-up failures that must explain themselves. */
final class LogTail {

    private LogTail() {}

    static String of(ContainerState container, int lines) {
        String logs;
        try {
            logs = container.getLogs();
        } catch (RuntimeException e) {
            return "(logs unavailable: " + e.getMessage() + ")";
        }
        String[] all = logs.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
