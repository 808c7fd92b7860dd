package org.lnconform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.lnconform.noise.crypto.CryptoProvider;
import org.lnconform.noise.Hex;
import org.lnconform.noise.NodeKey;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * {@code --key FILE|HEX}: a node's static private key (BOLT 8's {@code ls}), so that its URI stays
 * the same from one start to the next. Either 64 hex digits, or a file holding them (or the 32
 * raw bytes). Without it a fresh key is made on each start.
 */
final class KeyOption {

    private KeyOption() {}

    static NodeKey parse(CommandLine cmd, String value) {
        if (value == null) {
            return NodeKey.generate();
        }
        byte[] secret;
        if (value.matches("[0-9a-fA-F]{64}")) {
            secret = Hex.decode(value.toLowerCase(java.util.Locale.ROOT));
        } else {
            secret = fromFile(cmd, Path.of(value));
        }
        try {
            return NodeKey.of(secret, CryptoProvider.defaults().secp256k1());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--key: " + e.getMessage());
        }
    }

    private static byte[] fromFile(CommandLine cmd, Path file) {
        byte[] raw;
        try {
            raw = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ParameterException(cmd, "--key " + file + ": neither 64 hex digits nor a readable file ("
                    + ReportsDir.reason(e) + ")");
        }
        String text = new String(raw, StandardCharsets.US_ASCII).strip();
        if (text.matches("[0-9a-fA-F]{64}")) {
            return Hex.decode(text.toLowerCase(java.util.Locale.ROOT));
        }
        if (raw.length == 32) {
            return raw;
        }
        throw new ParameterException(cmd, "--key " + file + ": expected 64 hex digits or 32 bytes, found "
                + raw.length + " bytes");
    }
}
