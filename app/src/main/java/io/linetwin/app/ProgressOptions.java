package io.linetwin.app;

import java.io.PrintWriter;
import picocli.CommandLine.Option;

/**
 * When long commands show progress on stderr: in a terminal, after two seconds; never in a pipe or with
 * {@code --quiet}; always with {@code --progress} (e.g. for a CI log).
 */
public final class ProgressOptions {

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Option(
            names = "--progress",
            description = "Progress lines on stderr even when it is not a terminal (default: only in a terminal).")
    boolean progress;

    boolean enabled() {
        return !quiet && (progress || System.console() != null);
    }

    /** A bar in a terminal; lines when forced into a pipe or log with {@code --progress}. */
    ProgressReporter reporter(PrintWriter err, String label) {
        return new ProgressReporter(
                err,
                label,
                enabled(),
                System.console() != null ? ProgressReporter.Style.BAR : ProgressReporter.Style.LINES);
    }
}
