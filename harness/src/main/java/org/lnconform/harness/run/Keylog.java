package org.lnconform.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.lnconform.noise.NodeKey;
import org.lnconform.noise.Session;

/**
 * Where per-connection session keys go when the user asks for them ({@code --keylog FILE}).
 * The default writes nothing: keys never reach logs or reports otherwise.
 */
public interface Keylog {

    void record(NodeKey local, Session session);

    Keylog NONE = (local, session) -> {};

    /** Appends one line per connection to {@code file}. */
    static Keylog toFile(Path file) {
        return (local, session) -> {
            String line = session.secretsForKeylog().keylogLine(local.publicKey(), session.remoteStatic()) + "\n";
            synchronized (Keylog.class) {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII,
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
                    w.write(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }
}
