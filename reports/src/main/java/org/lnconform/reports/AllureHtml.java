package org.lnconform.reports;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * Turns Allure results into Allure's HTML report offline, with the Allure commandline the build
 * unpacked from Maven Central ({@code io.qameta.allure:allure-commandline}, see reports/pom.xml):
 * {@code allure generate --clean -o OUT RESULTS}, run with this JVM as its Java.
 *
 * <p>Where the commandline is looked for, first found wins: the system property
 * {@value #HOME_PROPERTY}, the environment variable {@value #HOME_ENV}, the directory the build
 * unpacked it to, {@code allure-commandline/} next to this module's classes or jar,
 * {@code reports/target/allure-commandline/} under the working directory, then {@code allure} on the PATH.
 */
public final class AllureHtml {

    public static final String HOME_PROPERTY = "lnconform.allure.home";
    public static final String HOME_ENV = "LNCONFORM_ALLURE_HOME";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    /** No Allure commandline where it was looked for. */
    public static final class NotFoundException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        NotFoundException(String message) {
            super(message);
        }
    }

    private AllureHtml() {}

    /** Generates the report with the default 120 s bound; returns {@code outDir/index.html}. */
    public static Path generate(Path resultsDir, Path outDir) {
        return generate(resultsDir, outDir, DEFAULT_TIMEOUT);
    }

    /**
     * Generates the report into {@code outDir} (replacing it); returns {@code outDir/index.html}.
     *
     * @throws NotFoundException if no Allure commandline is found
     * @throws IllegalStateException if Allure fails, times out or writes no index.html
     */
    public static Path generate(Path resultsDir, Path outDir, Duration timeout) {
        if (!Files.isDirectory(resultsDir)) {
            throw new IllegalArgumentException("no Allure results directory: " + resultsDir);
        }
        List<String> command = new ArrayList<>(launcher());
        command.addAll(List.of("generate", "--clean", "-o", outDir.toAbsolutePath().toString(),
                resultsDir.toAbsolutePath().toString()));
        Path log = null;
        try {
            log = Files.createTempFile("lnconform-allure-", ".log");
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Path javaHome = Path.of(System.getProperty("java.home"));
            Map<String, String> env = pb.environment();
            env.put("JAVA_HOME", javaHome.toString());
            env.put("PATH", javaHome.resolve("bin") + File.pathSeparator + env.getOrDefault("PATH", ""));
            // else the page Allure writes loads Google's analytics script when opened
            env.put("ALLURE_NO_ANALYTICS", "true");
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("allure generate took longer than " + timeout + ": " + tail(log));
            }
            Path index = outDir.resolve("index.html");
            if (p.exitValue() != 0 || !Files.isRegularFile(index)) {
                throw new IllegalStateException("allure generate failed (exit " + p.exitValue() + "): " + tail(log));
            }
            return index;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running allure generate", e);
        } finally {
            if (log != null) {
                try {
                    Files.deleteIfExists(log);
                } catch (IOException ignored) {
                    // a leftover temp log is harmless
                }
            }
        }
    }

    /** The command that starts Allure: {@code sh HOME/bin/allure}, or {@code allure} from the PATH. */
    static List<String> launcher() {
        Optional<Path> home = findHome();
        if (home.isPresent()) {
            return List.of("sh", home.get().resolve("bin").resolve("allure").toString());
        }
        Optional<Path> onPath = onPath();
        if (onPath.isPresent()) {
            return List.of(onPath.get().toString());
        }
        throw new NotFoundException("Allure commandline not found. Looked in: " + String.join(", ", candidates())
                + " and on the PATH. Build the reports module (mvn -pl reports -am package) to unpack it,"
                + " or point -D" + HOME_PROPERTY + " or $" + HOME_ENV + " at an unpacked allure-commandline.");
    }

    /** Whether {@link #generate} can find an Allure commandline. */
    public static boolean available() {
        return findHome().isPresent() || onPath().isPresent();
    }

    /** The first unpacked commandline (a directory with {@code bin/allure}) among the candidates. */
    public static Optional<Path> findHome() {
        return candidates().stream()
                .map(Path::of)
                .filter(home -> Files.isRegularFile(home.resolve("bin").resolve("allure")))
                .findFirst();
    }

    private static List<String> candidates() {
        List<String> found = new ArrayList<>();
        addIfSet(found, System.getProperty(HOME_PROPERTY));
        addIfSet(found, System.getenv(HOME_ENV));
        Properties build = buildProperties();
        addIfSet(found, build.getProperty("home"));
        String unpacked = "allure-commandline/allure-" + build.getProperty("version", "2.34.1");
        codeLocation().ifPresent(loc -> {
            // target/classes -> target/allure-commandline; target/x.jar -> target/allure-commandline
            Path targetDir = loc.getParent();
            if (targetDir != null) {
                found.add(targetDir.resolve(unpacked).toString());
            }
        });
        found.add(Path.of("reports", "target").resolve(unpacked).toAbsolutePath().toString());
        found.add(Path.of("target").resolve(unpacked).toAbsolutePath().toString());
        return found;
    }

    private static void addIfSet(List<String> list, String value) {
        if (value != null && !value.isBlank() && !value.contains("${")) {
            list.add(value);
        }
    }

    private static Properties buildProperties() {
        Properties p = new Properties();
        try (InputStream in = AllureHtml.class.getResourceAsStream("allure.properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // without it the other candidates still apply
        }
        return p;
    }

    private static Optional<Path> codeLocation() {
        try {
            var source = AllureHtml.class.getProtectionDomain().getCodeSource();
            return source == null ? Optional.empty() : Optional.of(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "allure");
            if (!dir.isEmpty() && Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8).strip();
            return s.length() <= 2000 ? s : "..." + s.substring(s.length() - 2000);
        } catch (IOException e) {
            return "(no output)";
        }
    }
}
