package org.lnconform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lnconform.noise.Hex;
import org.lnconform.noise.NodeKey;
import picocli.CommandLine;

/** {@code --key}: the same key, given as hex or as a file, gives the same node id on every start. */
class KeyOptionTest {

    @TempDir
    Path dir;

    private final CommandLine cmd = new CommandLine(new NodeCommand());

    @Test
    void hexAndFilesGiveTheSameKey() throws Exception {
        NodeKey key = NodeKey.generate();
        String hex = Hex.encode(key.privateKey());
        assertThat(KeyOption.parse(cmd, hex).publicKeyHex()).isEqualTo(key.publicKeyHex());
        assertThat(KeyOption.parse(cmd, hex.toUpperCase()).publicKeyHex()).isEqualTo(key.publicKeyHex());
        Path text = Files.writeString(dir.resolve("key.hex"), hex + "\n");
        assertThat(KeyOption.parse(cmd, text.toString()).publicKeyHex()).isEqualTo(key.publicKeyHex());
        Path raw = Files.write(dir.resolve("key.bin"), key.privateKey());
        assertThat(KeyOption.parse(cmd, raw.toString()).publicKeyHex()).isEqualTo(key.publicKeyHex());
    }

    @Test
    void withoutAKeyEachStartGetsAFreshOne() {
        assertThat(KeyOption.parse(cmd, null).publicKeyHex()).isNotEqualTo(KeyOption.parse(cmd, null).publicKeyHex());
    }

    @Test
    void badKeysAreUsageErrorsThatDoNotEchoTheSecret() throws Exception {
        assertThatThrownBy(() -> KeyOption.parse(cmd, "00".repeat(32)))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--key");
        assertThatThrownBy(() -> KeyOption.parse(cmd, dir.resolve("missing").toString()))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("neither 64 hex digits");
        Path shortFile = Files.writeString(dir.resolve("short"), "abcd");
        assertThatThrownBy(() -> KeyOption.parse(cmd, shortFile.toString()))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("found 4 bytes")
                .hasMessageNotContaining("abcd");
    }
}
