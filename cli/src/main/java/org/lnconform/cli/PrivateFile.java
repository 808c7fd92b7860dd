package org.lnconform.cli;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A file only its owner may read, for secrets ({@code --keylog}): created with mode 0600 in the
 * same system call that creates it, so it is never readable by others, not even for a moment. An
 * existing file is accepted only if it is already private.
 */
final class PrivateFile {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFile() {}

    static Path create(CommandLine cmd, String option, Path file) {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            if (posix) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            return file;
        } catch (FileAlreadyExistsException e) {
            return existing(cmd, option, file, posix);
        } catch (IOException e) {
            throw new ParameterException(cmd, option + " " + file + ": cannot create it (" + ReportsDir.reason(e) + ")");
        }
    }

    private static Path existing(CommandLine cmd, String option, Path file, boolean posix) {
        if (!Files.isRegularFile(file) || !Files.isWritable(file)) {
            throw new ParameterException(cmd, option + " " + file + ": exists and is not a writable file");
        }
        try {
            if (posix && Files.getPosixFilePermissions(file).stream().anyMatch(OTHERS::contains)) {
                throw new ParameterException(cmd, option + " " + file + ": exists and others may read it;"
                        + " chmod 600 it or name a new file");
            }
        } catch (IOException e) {
            throw new ParameterException(cmd, option + " " + file + ": " + ReportsDir.reason(e));
        }
        return file;
    }
}
