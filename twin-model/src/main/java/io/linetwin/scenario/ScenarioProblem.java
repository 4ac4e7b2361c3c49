package io.linetwin.scenario;

import java.util.Objects;

/**
 * One problem in a scenario file, positioned by 1-based line and column and by the key path of the value at
 * fault. List items in key paths are named by their id ({@code stations.filler}), or by index when they have
 * none ({@code stations[3]}); keys under {@code line} are written without the {@code line.} prefix, like the
 * paths of variants.
 */
public record ScenarioProblem(String file, int line, int column, String keyPath, String message) {

    public ScenarioProblem {
        Objects.requireNonNull(file, "file");
        keyPath = keyPath == null ? "" : keyPath;
        Objects.requireNonNull(message, "message");
    }

    /** {@code file:line:column key.path: message}; a problem of the whole document (no key path) omits it. */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + " ";
        return keyPath.isEmpty() ? where + message : where + keyPath + ": " + message;
    }
}
