package io.linetwin.app;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a closing step on a thread of its own and waits for it, whatever interrupts the caller. Ctrl-C interrupts the
 * command's thread (see {@link Main}) at any moment, also while that thread closes what it ran: a Kafka client
 * interrupted while it closes throws (the last checkpoint could be lost), and Jetty's stop, which waits for its own
 * threads, gives up half-way. The caller's interrupt is kept for it.
 */
public final class Uninterrupted {

    /** A closing step that may throw {@code E}. */
    @FunctionalInterface
    public interface Step<E extends Exception> {
        void run() throws E;
    }

    private Uninterrupted() {}

    @SuppressWarnings("unchecked") // the step throws only E, runtime exceptions and errors
    public static <E extends Exception> void run(Step<E> step, String threadName) throws E {
        FutureTask<Void> task = new FutureTask<>(() -> {
            step.run();
            return null;
        });
        new Thread(task, threadName).start();
        boolean interrupted = Thread.interrupted();
        try {
            while (true) {
                try {
                    task.get();
                    return;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    if (cause instanceof Error error) {
                        throw error;
                    }
                    throw (E) cause;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
