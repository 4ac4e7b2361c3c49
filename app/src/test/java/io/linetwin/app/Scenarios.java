package io.linetwin.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository's scenario library is, seen from the app module's tests. */
final class Scenarios {

    private Scenarios() {
    }

    static Path library() {
        Path fromModule = Path.of("..", "scenarios");
        return Files.isDirectory(fromModule) ? fromModule : Path.of("scenarios");
    }
}
