package io.linetwin.app.twin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Checks output files before any work starts: a file can be written (its folder exists and is writable), is
 * not a folder or a device, is not one of the command's inputs, and no two outputs share a path. The check runs
 * first, so a wrong path costs nothing.
 */
final class OutputPaths {

    private final Set<Path> inputs = new HashSet<>();
    private final Set<Path> outputs = new HashSet<>();

    OutputPaths input(Path file) {
        inputs.add(real(file));
        return this;
    }

    /** Refuses {@code file} as output of {@code option}; an existing regular file may be replaced. */
    OutputPaths output(String option, Path file) throws TwinInputException {
        Path where = real(file);
        if (Files.isDirectory(file)) {
            throw new TwinInputException(option + " " + file + ": is a directory, expected a file");
        }
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw new TwinInputException(option + " " + file + ": is not a regular file");
        }
        Path parent = where.getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw new TwinInputException(option + " " + file + ": the folder " + parent + " does not exist");
        }
        if (!Files.isWritable(parent) || Files.exists(file) && !Files.isWritable(file)) {
            throw new TwinInputException(option + " " + file + ": cannot be written here");
        }
        if (inputs.contains(where)) {
            throw new TwinInputException(
                    option + " " + file + ": is an input of this command, refusing to overwrite it");
        }
        if (!outputs.add(where)) {
            throw new TwinInputException(option + " " + file + ": another output of this command goes there too");
        }
        return this;
    }

    private static Path real(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            Path abs = file.toAbsolutePath().normalize();
            Path parent = abs.getParent();
            try {
                return parent == null ? abs : parent.toRealPath().resolve(abs.getFileName());
            } catch (IOException again) {
                return abs;
            }
        }
    }
}
