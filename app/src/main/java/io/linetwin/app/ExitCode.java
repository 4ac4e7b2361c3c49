package io.linetwin.app;

/** The CLI's exit codes (DESIGN.md §5). */
final class ExitCode {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
