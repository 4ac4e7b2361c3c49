package io.linetwin.scenario;

import java.util.Objects;

/**
 * One problem in a scenario file, positioned by 1-based line and column and by the key path of the value at
 * fault. List items in key paths are named by their id ({@code stations.filler}), or by index when they have
 * none ({@code stations[3]}); keys under {@code line} are written without the {@code line.} prefix, like the
 * paths of variants. {@code code} says what kind of problem it is, in words that stay the same between versions.
 */
public record ScenarioProblem(String file, int line, int column, String keyPath, String message, ProblemCode code) {

    public ScenarioProblem {
        Objects.requireNonNull(file, "file");
        keyPath = keyPath == null ? "" : keyPath;
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
    }

    /** The same problem at another place (a variant's problem moved to the variant's key). */
    public ScenarioProblem at(int newLine, int newColumn, String newKeyPath) {
        return new ScenarioProblem(file, newLine, newColumn, newKeyPath, message, code);
    }

    /**
     * The line the command line prints: {@link #toString()} followed by the code in brackets,
     * {@code file:line:column key.path: message [scenario.kind.detail]}.
     */
    public String toLine() {
        return this + " [" + code.id() + "]";
    }

    /** {@code file:line:column key.path: message}; a problem of the whole document (no key path) omits it. */
    @Override
    public String toString() {
        String where = file + ":" + line + ":" + column + " ";
        return keyPath.isEmpty() ? where + message : where + keyPath + ": " + message;
    }
}
