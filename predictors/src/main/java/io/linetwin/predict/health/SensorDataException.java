package io.linetwin.predict.health;

import java.nio.file.Path;

/**
 * A sensor-history file that does not have the expected shape. Carries the position so the CLI can print
 * {@code file:line: message} in one line and exit 2.
 */
public final class SensorDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final int line;

    public SensorDataException(Path file, int line, String detail) {
        super(file + (line > 0 ? ":" + line : "") + ": " + detail);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line number, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }
}
