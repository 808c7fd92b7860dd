package org.lnconform.containers;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.function.Consumer;
import org.testcontainers.containers.ContainerState;
import org.testcontainers.containers.output.OutputFrame;

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
        return last(logs, lines);
    }

    static String last(String logs, int lines) {
        String[] all = logs.split("\n");
        return String.join("\n", Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }

    /**
     * Keeps the last lines a container printed, as they come. Testcontainers removes a container
     * whose start failed, and its logs with it, before the failure reaches the caller; this copy
     * outlives it.
     */
    static final class Recorder implements Consumer<OutputFrame> {

        private final int lines;
        private final Deque<String> last = new ArrayDeque<>();
        private final StringBuilder partial = new StringBuilder();

        Recorder(int lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void accept(OutputFrame frame) {
            String text = frame.getUtf8String();
            if (text == null || text.isEmpty()) {
                return;
            }
            partial.append(text);
            int nl;
            while ((nl = partial.indexOf("\n")) >= 0) {
                add(partial.substring(0, nl));
                partial.delete(0, nl + 1);
            }
        }

        private void add(String line) {
            last.addLast(line);
            while (last.size() > lines) {
                last.removeFirst();
            }
        }

        /** The recorded lines, the unfinished last one included. */
        synchronized String text() {
            StringBuilder b = new StringBuilder(String.join("\n", last));
            if (partial.length() > 0) {
                b.append(b.length() > 0 ? "\n" : "").append(partial);
            }
            return b.toString();
        }
    }
}
