package io.linetwin.app;

import io.linetwin.cluster.ClusterUnavailableException;
import io.linetwin.sim.LineDeadlockException;
import io.linetwin.sim.RunCancelledException;
import io.linetwin.sim.RunStoppedException;
import io.linetwin.sim.experiment.Replications;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How every command ends when something goes wrong: one line on stderr and an exit code, never a stack trace
 * or a Java class name (those are for {@code -Dlinetwin.debug=true}). Bad input exits 2 and prints every
 * problem; a run the engine stopped, a deadlocked line, a Spark cluster that is not there, a file that cannot be
 * written exit 1 with what happened;
 * a run stopped by Ctrl-C or SIGTERM exits 130 saying that nothing was written.
 */
public final class Failures {

    /** Exit code of a command stopped by a signal (128 + SIGINT), as shells report it. */
    public static final int STOPPED = 130;

    /** Set once the process is shutting down on a signal: failures then read as the stop they are. */
    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private Failures() {}

    static void stopping() {
        STOPPING.set(true);
    }

    /** Whether Ctrl-C or SIGTERM asked the process to stop (a long-running command ends its loop on it). */
    public static boolean isStopping() {
        return STOPPING.get();
    }

    /** Prints what {@code failure} means for the user and returns the exit code. */
    public static int report(Throwable failure, PrintWriter err) {
        try {
            return reportUnflushed(failure, err);
        } finally {
            err.flush();
        }
    }

    private static int reportUnflushed(Throwable failure, PrintWriter err) {
        if (failure instanceof BadInputException bad) {
            bad.lines().forEach(err::println);
            return ExitCode.BAD_INPUT;
        }
        if (STOPPING.get() || cancelled(failure)) {
            err.println("linetwin: stopped before the end (interrupted); no output was written or changed");
            return STOPPED;
        }
        if (failure instanceof RunStoppedException
                || failure instanceof LineDeadlockException
                || failure instanceof ClusterUnavailableException) {
            err.println("linetwin: " + failure.getMessage());
            return ExitCode.FAILURE;
        }
        if (failure instanceof UncheckedIOException io) {
            err.println("linetwin: " + failure.getMessage() + ": " + describe(io.getCause()));
        } else if (failure instanceof IOException io) {
            err.println("linetwin: cannot read or write a file: " + describe(io));
        } else if (failure instanceof OutOfMemoryError) {
            err.println("linetwin: out of memory; run fewer replications at once (--threads 1) or give Java more "
                    + "memory (LINETWIN_JAVA_OPTS=-Xmx8g)");
        } else {
            err.println("linetwin: failed: " + describe(failure));
        }
        if (Boolean.getBoolean("linetwin.debug")) {
            failure.printStackTrace(err);
        }
        return ExitCode.FAILURE;
    }

    private static boolean cancelled(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RunCancelledException
                    || t instanceof InterruptedException
                    || t instanceof java.nio.channels.ClosedByInterruptException
                    || (t instanceof Replications.ReplicationFailedException
                            && t.getCause() instanceof InterruptedException)) {
                return true;
            }
        }
        return false;
    }

    /** A failure in words, without its class name unless it has nothing else to say. */
    public static String describe(Throwable failure) {
        if (failure instanceof AccessDeniedException denied) {
            return denied.getFile() + ": permission denied";
        }
        if (failure instanceof FileSystemException fs && fs.getFile() != null) {
            String reason = fs.getReason() != null
                    ? fs.getReason()
                    : failure instanceof java.nio.file.NoSuchFileException
                            ? "no such file or folder"
                            : failure instanceof java.nio.file.FileAlreadyExistsException
                                    ? "already exists"
                                    : failure instanceof java.nio.file.NotDirectoryException
                                            ? "not a folder"
                                            : failure instanceof java.nio.file.DirectoryNotEmptyException
                                                    ? "folder not empty"
                                                    : "cannot be used";
            return fs.getFile() + ": " + reason;
        }
        String message = failure.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        String name = failure.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT)
                + " (details with -Dlinetwin.debug=true)";
    }
}
