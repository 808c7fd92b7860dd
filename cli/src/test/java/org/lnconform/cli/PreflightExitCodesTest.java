package org.lnconform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.harness.target.EmbeddedTarget;
import org.lnconform.noise.Hex;
import org.lnconform.noise.NodeKey;

/** A bad setup is never blamed on the node: a wrong key stops at the preflight (exit 3), a key that is no point is a usage error (exit 2). */
class PreflightExitCodesTest {

    @TempDir
    Path dir;

    private static String run(int expectedExit, String... args) {
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
    void aWrongPublicKeyStopsAtThePreflightWithExitThreeAndNoFail() {
        try (EmbeddedTarget node = EmbeddedTarget.start()) {
            String wrong = Hex.encode(NodeKey.generate().publicKey()) + "@127.0.0.1:" + node.uri().port();
            String out = run(Main.INFRA, "run", "--target", wrong, "--reports", dir.toString(), "--no-allure-html");
            assertThat(out).contains("preflight failed").contains("public key is not this node's")
                    .doesNotContain("FAIL ");
        }
    }

    @Test
    void aPublicKeyThatIsNotAPointIsAUsageError() {
        run(Main.USAGE, "run", "--target", "04" + "11".repeat(32) + "@127.0.0.1:9735", "--reports", dir.toString());
    }
}
