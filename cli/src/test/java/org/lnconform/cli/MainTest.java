package org.lnconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.noise.NodeKey;

/** The CLI's contract: exit codes, case selection, reports, console summary. */
class MainTest {

    @TempDir
    Path dir;

    /** stderr of the last {@link #run}. */
    private String err = "";

    private String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        ByteArrayOutputStream errBuf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(errBuf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setOut(old);
            System.setErr(oldErr);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        err = errBuf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out + err).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void runsSelectedCasesAgainstTheEmbeddedNodeAndWritesReports() throws Exception {
        String out = run(Main.OK, "run", "bolt01/ping/*", "--exclude", "*65535*", "--reports", dir.toString());
        assertThat(out).contains("PASS").doesNotContain("65535-ignored");
        assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).matches("reports: .*");
        assertThat(out).containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(dir.resolve("index.json")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(Files.list(dir.resolve("junit")).count()).isEqualTo(1);
        assertThat(dir.resolve("allure-results")).isDirectory();
        // Allure's HTML is opt-in (--allure-html)
        assertThat(dir.resolve("allure-report")).doesNotExist();
    }

    @Test
    void aBrokenRuleGivesExitCodeOneAndAFailuresSection() {
        String out = run(Main.FAILED, "run", "bolt01/ping/num-pong-bytes-65532-ignored", "--deviation",
                "answer-oversize-ping", "--reports", dir.toString());
        assertThat(out).contains("Failures:").contains("B1-PING-08").contains("0 passed, 1 failed");
    }

    @Test
    void listPrintsTheCatalogueWithoutRunningIt() {
        String out = run(Main.OK, "run", "--list", "bolt08/act1/*");
        assertThat(out).contains("bolt08/act1/bad-version").contains("B8-ACT1-02");
    }

    @Test
    void usageErrorsGiveExitCodeTwoWithOneLineAndAHint() {
        run(Main.USAGE, "run", "--no-such-option");
        assertThat(err).startsWith("lnconform run: Unknown option: '--no-such-option'")
                .contains("Try 'lnconform run --help'").doesNotContain("Exit codes:");
        assertThat(err.lines().count()).isLessThanOrEqualTo(3);
        run(Main.USAGE, "run", "no/such/case");
        assertThat(err.lines().count()).isEqualTo(2);
        run(Main.USAGE, "run", "--target", "not-a-uri");
        assertThat(err).contains("--target").contains("--help");
    }

    @Test
    void anUnusableReportsPathIsRefusedBeforeTheRun() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        long start = System.nanoTime();
        String out = run(Main.USAGE, "run", "--reports", file.resolve("sub").toString());
        assertThat(err).contains("--reports").contains("cannot write there");
        assertThat(out).doesNotContain("cases against");
        run(Main.USAGE, "run", "--reports", file.toString());
        assertThat(err).contains("exists and is not a directory");
        assertThat((System.nanoTime() - start) / 1_000_000).as("no suite ran").isLessThan(5000);
    }

    @Test
    void theKeylogIsPrivateToTheUser() throws Exception {
        Path keylog = dir.resolve("keys.txt");
        run(Main.OK, "run", "bolt01/ping/*", "--exclude", "*6553*", "--keylog", keylog.toString(), "--reports",
                dir.resolve("r").toString());
        assertThat(Files.getPosixFilePermissions(keylog)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readAllLines(keylog)).isNotEmpty();
        Path open = Files.writeString(dir.resolve("open.txt"), "");
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rw-r--r--"));
        run(Main.USAGE, "run", "--keylog", open.toString(), "--reports", dir.resolve("r").toString());
        assertThat(err).contains("others may read it");
    }

    @Test
    void mergeOfAMissingRunDirectoryIsAUsageError() {
        run(Main.USAGE, "report", "merge", dir.resolve("no-such-run").toString(), "--out", dir.resolve("m").toString());
        assertThat(err).contains("no-such-run").contains("no index.json");
        assertThat(dir.resolve("m")).doesNotExist();
    }

    @Test
    void diffExitsOneWhenACaseGotWorse() throws Exception {
        String one = "bolt01/ping/num-pong-bytes-65532-ignored";
        run(Main.OK, "run", one, "--reports", dir.resolve("good").toString());
        run(Main.FAILED, "run", one, "--deviation", "answer-oversize-ping", "--reports", dir.resolve("bad").toString());
        String out = run(Main.FAILED, "report", "diff", dir.resolve("good").toString(), dir.resolve("bad").toString());
        assertThat(out).contains("WORSE").contains(one).contains("PASS -> FAIL").contains("1 got worse");
        out = run(Main.OK, "report", "diff", dir.resolve("bad").toString(), dir.resolve("good").toString());
        assertThat(out).contains("BETTER").contains("FAIL -> PASS");
        out = run(Main.OK, "report", "diff", dir.resolve("good").toString(), dir.resolve("good").toString());
        assertThat(out).contains("no verdict changed");
        run(Main.USAGE, "report", "diff", dir.resolve("good").toString(), dir.resolve("none").toString());
    }

    @Test
    void mergeWritesMatrixJsonAndJUnitWithLabels() throws Exception {
        String one = "bolt01/ping/num-pong-bytes-65532-ignored";
        run(Main.OK, "run", one, "--reports", dir.resolve("a").toString(), "--label", "before");
        run(Main.FAILED, "run", one, "--deviation", "answer-oversize-ping", "--reports", dir.resolve("b").toString());
        run(Main.OK, "report", "merge", dir.resolve("a").toString(), dir.resolve("b").toString(), "--label", "x",
                "--label", "after", "--out", dir.resolve("m").toString());
        assertThat(Files.readString(dir.resolve("m/index.html"))).contains(">x</a></th>", ">after</a></th>");
        assertThat(Files.readString(dir.resolve("m/index.json"))).contains("\"x\": \"PASS\"", "\"after\": \"FAIL\"");
        assertThat(dir.resolve("m/junit/TEST-lnconform-x.xml")).isRegularFile();
        assertThat(dir.resolve("m/junit/TEST-lnconform-after.xml")).isRegularFile();
    }

    @Test
    void listenTakesAKeyAndPrintsItsUriFirst() throws Exception {
        NodeKey key = NodeKey.generate();
        String hex = org.lnconform.noise.Hex.encode(key.privateKey());
        String out = run(Main.INFRA, "listen", "--key", hex, "--listen", "127.0.0.1:0", "--wait", "1", "--reports",
                dir.toString());
        assertThat(out.lines().findFirst().orElse("")).startsWith(key.publicKeyHex() + "@127.0.0.1:");
        assertThat(out).doesNotContain(hex);
    }

    @Test
    void anUnreachableNodeGivesExitCodeThree() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        run(Main.INFRA, "run", "--target", NodeKey.generate().publicKeyHex() + "@127.0.0.1:" + port,
                "--reports", dir.toString());
    }
}
