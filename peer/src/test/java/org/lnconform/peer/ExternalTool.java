package org.lnconform.peer;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external peer (a Python script) for interop tests. A missing tool skips the test with
 * the reason, except in CI ({@code CI=true}), where interop tests must run and a missing tool fails.
 */
final class ExternalTool {

    private ExternalTool() {}

    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Requires {@code python3} with {@code import <module>}; skips (or fails in CI) otherwise. */
    static void requirePython(String module) throws Exception {
        boolean ok;
        try {
            Process p = new ProcessBuilder("python3", "-c", "import " + module).redirectErrorStream(true).start();
            ok = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            ok = false;
        }
        String why = "python3 with " + module + " is not available (pip install pyln-proto)";
        if (!ok && inCi()) {
            throw new AssertionError(why + ", and CI=true requires interop tests to run");
        }
        assumeTrue(ok, why);
    }

    /** A started process whose output lines are collected. */
    static final class Running implements AutoCloseable {
        final Process process;
        final List<String> lines = new ArrayList<>();
        private final Thread reader;

        Running(List<String> command) throws IOException {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        synchronized (lines) {
                            lines.add(line);
                            lines.notifyAll();
                        }
                    }
                } catch (IOException ignored) {
                    // process ended
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** Waits (bounded) for a line starting with {@code prefix}. */
        String awaitLine(String prefix, long timeoutMs) throws InterruptedException {
            long end = System.currentTimeMillis() + timeoutMs;
            synchronized (lines) {
                while (true) {
                    for (String l : lines) {
                        if (l.startsWith(prefix)) {
                            return l;
                        }
                    }
                    long left = end - System.currentTimeMillis();
                    if (left <= 0) {
                        throw new AssertionError("no line starting with '" + prefix + "' within " + timeoutMs
                                + " ms; output: " + lines);
                    }
                    lines.wait(left);
                }
            }
        }

        /** Waits (bounded) for exit and returns the code; kills the process on timeout. */
        int await(long timeoutMs) throws InterruptedException {
            if (!process.waitFor(timeoutMs, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("external peer did not finish within " + timeoutMs + " ms; output: " + output());
            }
            reader.join(2000);
            return process.exitValue();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
