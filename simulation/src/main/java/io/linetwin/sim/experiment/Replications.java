package io.linetwin.sim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs independent replications on a pool of threads. Each replication draws only from its own streams,
 * so results come back in replication order and equal those of a sequential run.
 */
public final class Replications {

    /** Told after each finished replication; called from worker threads. */
    @FunctionalInterface
    public interface Progress {
        Progress NONE = (done, total) -> {};

        void finished(int done, int total);

        /** A new batch of {@code total} replications starts, e.g. of the variant {@code label}. */
        default void started(String label, int total) {}

        /** Replication {@code replication} of the current batch has simulated {@code share} of its run. */
        default void advanced(int replication, double share) {}
    }

    private Replications() {}

    public static int defaultParallelism() {
        return Runtime.getRuntime().availableProcessors();
    }

    public static <R> List<R> run(int count, int parallelism, IntFunction<R> replication, Progress progress) {
        if (count < 1) {
            throw new IllegalArgumentException("replications must be >= 1, got " + count);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, got " + parallelism);
        }
        if (parallelism == 1 || count == 1) {
            List<R> results = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                results.add(replication.apply(i));
                progress.finished(i + 1, count);
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, count), runnable -> {
            Thread thread = new Thread(runnable, "linetwin-replication");
            thread.setDaemon(true);
            return thread;
        });
        try {
            AtomicInteger done = new AtomicInteger();
            List<Future<R>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    R result = replication.apply(index);
                    progress.finished(done.incrementAndGet(), count);
                    return result;
                }));
            }
            List<R> results = new ArrayList<>(count);
            for (Future<R> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReplicationFailedException("interrupted while waiting for replications", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new ReplicationFailedException("a replication failed: " + cause, cause);
        } finally {
            pool.shutdownNow();
        }
    }

    /** A replication could not finish (interrupted, or failed with a checked exception). */
    public static final class ReplicationFailedException extends RuntimeException {
        public ReplicationFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
