package org.lnconform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --reports} directory, checked before a run starts: it is created if missing and must
 * take a file, so an unusable path costs a usage error, not a whole suite run.
 */
final class ReportsDir {

    /** Where reports go unless {@code --reports} says otherwise: a directory of their own in the working directory. */
    static final String DEFAULT = "lnconform-reports";

    private ReportsDir() {}

    /** Creates {@code dir} if needed and proves it writable; a usage error with the reason otherwise. */
    static Path prepare(CommandLine cmd, Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ParameterException(cmd, "--reports " + dir + ": exists and is not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".lnconform-write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ParameterException(cmd, "--reports " + dir + ": cannot write there (" + reason(e) + ")");
        }
        return dir;
    }

    static String reason(Exception e) {
        String name = e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2");
        return e.getMessage() == null ? name : name.toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage();
    }
}
