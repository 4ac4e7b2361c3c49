package io.linetwin.app;

/** The CLI's exit codes (docs/cli.md). */
final class ExitCode {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private ExitCode() {
    }
}
