package io.linetwin.app;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a command that runs until stopped and then writes what it has (a last checkpoint, the
 * last estimates, a summary): a shutdown hook that tells the command to stop and holds the JVM's exit until the
 * command closes this, at most {@code finishWait}. Closing it also removes the hook when the run ends by itself.
 */
public final class StopHook implements AutoCloseable {

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private StopHook(String threadName, Duration finishWait) {
        this.hook = new Thread(
                () -> {
                    stop.countDown();
                    try {
                        done.await(finishWait.toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                threadName);
    }

    /** Installs the hook; its thread is named {@code threadName} (what a thread dump of a stuck exit shows). */
    public static StopHook install(String threadName, Duration finishWait) {
        StopHook stopHook = new StopHook(threadName, finishWait);
        Runtime.getRuntime().addShutdownHook(stopHook.hook);
        return stopHook;
    }

    /** Waits up to {@code nanos} for a stop; true once one was asked for. */
    public boolean awaitStop(long nanos) throws InterruptedException {
        return stop.await(nanos, TimeUnit.NANOSECONDS);
    }

    public boolean stopRequested() {
        return stop.getCount() == 0;
    }

    /** The command has written what it has: the exit may go on. */
    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook itself waited for this close
        }
    }
}
