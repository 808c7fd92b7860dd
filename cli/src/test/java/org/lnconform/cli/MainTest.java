package org.lnconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.noise.NodeKey;

/** The CLI's contract: exit codes, case selection, reports, console summary. */
class MainTest {

    @TempDir
    Path dir;

    private String run(int expectedExit, String... args) {
        PrintStream old = System.out;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
        int code;
        try {
            code = Main.run(args);
        } finally {
            System.setOut(old);
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        assertThat(code).as(out).isEqualTo(expectedExit);
        return out;
    }

    @Test
    void runsSelectedCasesAgainstTheEmbeddedNodeAndWritesReports() throws Exception {
        String out = run(Main.OK, "run", "bolt01/ping/*", "--exclude", "*65535*", "--reports", dir.toString(),
                "--no-allure-html");
        assertThat(out).contains("PASS").doesNotContain("65535-ignored");
        assertThat(out.strip().lines().reduce((a, b) -> b).orElse("")).matches("reports: .*");
        assertThat(out).containsPattern("(?m)^\\d+ passed, 0 failed$");
        assertThat(dir.resolve("index.json")).exists();
        assertThat(dir.resolve("index.html")).exists();
        assertThat(Files.list(dir.resolve("junit")).count()).isEqualTo(1);
        assertThat(dir.resolve("allure-results")).isDirectory();
    }

    @Test
    void aBrokenRuleGivesExitCodeOneAndAFailuresSection() {
        String out = run(Main.FAILED, "run", "bolt01/ping/num-pong-bytes-65532-ignored", "--deviation",
                "answer-oversize-ping", "--reports", dir.toString(), "--no-allure-html");
        assertThat(out).contains("Failures:").contains("B1-PING-08").contains("0 passed, 1 failed");
    }

    @Test
    void listPrintsTheCatalogueWithoutRunningIt() {
        String out = run(Main.OK, "run", "--list", "bolt08/act1/*");
        assertThat(out).contains("bolt08/act1/bad-version").contains("B8-ACT1-02");
    }

    @Test
    void usageErrorsGiveExitCodeTwo() {
        run(Main.USAGE, "run", "--no-such-option");
        run(Main.USAGE, "run", "no/such/case");
        run(Main.USAGE, "run", "--target", "not-a-uri");
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
