package io.linetwin.cluster;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The scenario file as workers receive it: its text, and the name problems would cite. Workers rebuild every line
 * from it with the candidate's {@code set} entries, so no engine object crosses the wire.
 */
public record ScenarioSource(String fileName, String text) {

    public ScenarioSource {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(text, "text");
    }

    public static ScenarioSource read(Path file) throws IOException {
        return new ScenarioSource(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    }
}
