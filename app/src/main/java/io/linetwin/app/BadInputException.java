package io.linetwin.app;

import java.util.List;

/** Input the user must fix: each line is one problem, printed as it is; the CLI exits 2. */
public final class BadInputException extends Exception {

    private final List<String> lines;

    public BadInputException(List<String> lines) {
        super(lines.isEmpty() ? "bad input" : lines.get(0));
        this.lines = List.copyOf(lines);
    }

    public BadInputException(String line) {
        this(List.of(line));
    }

    List<String> lines() {
        return lines;
    }
}
