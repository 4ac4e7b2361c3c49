package io.linetwin.app;

/** The CLI's exit codes (docs/cli.md). */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int BAD_INPUT = 2;

    private ExitCode() {}
}
