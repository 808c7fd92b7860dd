package org.lnconform.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.peer.Deviation;

/**
 * The README's TCK section, followed to the letter by a scratch consumer project: install the
 * artifacts from a checkout ({@code mvn install -DskipTests -pl tck -am}, here into a private local
 * repository under target/, never the user's), then run the consumer's {@code mvn test} with
 * {@code lnconform.target} pointing at a node that breaks a MUST. Surefire must name each test by
 * its case id, and report the broken rule as failures carrying the requirement.
 */
class TckConsumerProjectTest {

    private static final Path WORK = Path.of("target", "tck-consumer").toAbsolutePath();

    @Test
    void aScratchProjectRunsTheTckFromInstalledArtifacts() throws Exception {
        String mvn = maven();
        Path checkout = WORK.resolve("checkout");
        Path repo = WORK.resolve("m2");
        deleteTree(WORK);
        copySources(Path.of("").toAbsolutePath().getParent(), checkout);
        seedRepository(Path.of(System.getProperty("lnconform.outer.repo",
                System.getProperty("user.home") + "/.m2/repository")), repo);

        // README, step 1: install the artifacts from a checkout (here into the private repository)
        Process install = exec(checkout, WORK.resolve("install.log"), mvn, "-B", "-ntp", "-q", "install", "-DskipTests",
                "-Dmaven.javadoc.skip=true", "-pl", "tck", "-am", "-Dmaven.repo.local=" + repo);
        assertThat(install.exitValue()).as("mvn install, see " + WORK.resolve("install.log")).isZero();
        Path tckJar = repo.resolve("org/lnconform/lnconform-tck/0.1.0-SNAPSHOT/lnconform-tck-0.1.0-SNAPSHOT.jar");
        assertThat(tckJar).isRegularFile();
        assertThat(Files.isSymbolicLink(repo.resolve("org/lnconform"))).isFalse();

        // README, step 2: the consumer's pom, and mvn test against a node
        Path project = WORK.resolve("consumer");
        Files.createDirectories(project);
        try (InputStream pom = getClass().getResourceAsStream("/consumer/pom.xml")) {
            Files.copy(pom, project.resolve("pom.xml"));
        }
        Path log = WORK.resolve("consumer.log");
        try (EmbeddedTarget node = EmbeddedTarget.start(EnumSet.of(Deviation.parse("answer-oversize-ping")))) {
            Process test = exec(project, log, mvn, "-B", "-ntp", "test", "-Dmaven.repo.local=" + repo,
                    "-Dlnconform.target=" + node.uri(), "-Dlnconform.cases=bolt01/ping/*");
            assertThat(test.exitValue()).as("the node breaks B1-PING-08, so the consumer's build fails").isEqualTo(1);
        }
        String console = Files.readString(log);
        Path xml = project.resolve("target/surefire-reports/TEST-org.lnconform.tck.LightningConformanceTest.xml");
        assertThat(xml).isRegularFile();
        String report = Files.readString(xml);
        assertThat(report).contains("<testcase name=\"bolt01/ping/num-pong-bytes-0-answered\"")
                .contains("<testcase name=\"bolt01/ping/num-pong-bytes-65532-ignored\"")
                .doesNotContain("[1]");
        assertThat(report).containsPattern("tests=\"\\d+\"").contains("failures=\"4\"").contains("errors=\"0\"");
        assertThat(report).contains("B1-PING-08");
        assertThat(console).contains("bolt01/ping/num-pong-bytes-65535-ignored").contains("MUST broken");
        // the copied checkout would look like sources to tools that search the tree; the logs stay
        deleteTree(checkout);
    }

    private static String maven() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "mvn"))) {
                return Path.of(dir, "mvn").toString();
            }
        }
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("mvn is not on the PATH, and CI=true requires the TCK consumer test to run");
        }
        Assumptions.abort("mvn is not on the PATH");
        return null;
    }

    private static Process exec(Path dir, Path log, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 15 minutes; see " + log);
        }
        return p;
    }

    /** The checkout without build output (a module's target/, not a source package named target) or dot-files. */
    static void copySources(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String name = dir.getFileName() == null ? "" : dir.getFileName().toString();
                boolean buildOutput = name.equals("target") && Files.isRegularFile(dir.resolveSibling("pom.xml"));
                if (!dir.equals(from) && (buildOutput || name.startsWith("."))) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(to.resolve(from.relativize(dir)));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * A private local repository that reads third-party artifacts from the user's (links, so the
     * build runs offline and fast) but keeps {@code org/lnconform} its own: what is installed here
     * never touches the user's repository, and nothing of lnconform is read from it.
     */
    static void seedRepository(Path outer, Path repo) throws IOException {
        Files.createDirectories(repo.resolve("org/lnconform"));
        if (!Files.isDirectory(outer)) {
            return;
        }
        try (Stream<Path> top = Files.list(outer)) {
            for (Path p : (Iterable<Path>) top::iterator) {
                if (!p.getFileName().toString().equals("org")) {
                    Files.createSymbolicLink(repo.resolve(p.getFileName().toString()), p);
                }
            }
        }
        if (Files.isDirectory(outer.resolve("org"))) {
            try (Stream<Path> org = Files.list(outer.resolve("org"))) {
                for (Path p : (Iterable<Path>) org::iterator) {
                    if (!p.getFileName().toString().equals("lnconform")) {
                        Files.createSymbolicLink(repo.resolve("org").resolve(p.getFileName().toString()), p);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        List<Path> all = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                all.add(d);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                all.add(f);
                return FileVisitResult.CONTINUE;
            }
        });
        for (int i = all.size() - 1; i >= 0; i--) {
            Files.delete(all.get(i));
        }
    }
}
