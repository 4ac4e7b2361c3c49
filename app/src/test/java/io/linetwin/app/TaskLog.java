package io.linetwin.app;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;

/**
 * What the driver saw of the tasks, for the cluster test: registered through {@code spark.extraListeners} by the
 * CLI's own Spark context. Static, as Spark makes the instance; reset before each run.
 */
public final class TaskLog extends SparkListener {

    static final AtomicInteger SUCCEEDED = new AtomicInteger();
    static final AtomicInteger FAILED = new AtomicInteger();
    static final AtomicInteger EXECUTORS_REMOVED = new AtomicInteger();
    static final Set<String> EXECUTORS_WITH_TASKS = ConcurrentHashMap.newKeySet();
    /** The shortest task that succeeded so far, in ms: how long a task lasts on this machine. */
    static final AtomicLong SHORTEST_MILLIS = new AtomicLong(Long.MAX_VALUE);
    /** Told the executor of each task as the driver launches it, on Spark's listener thread (the kill test's hook). */
    static volatile Consumer<String> startHook = executor -> {};

    static void reset() {
        SUCCEEDED.set(0);
        FAILED.set(0);
        EXECUTORS_REMOVED.set(0);
        EXECUTORS_WITH_TASKS.clear();
        SHORTEST_MILLIS.set(Long.MAX_VALUE);
        startHook = executor -> {};
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart start) {
        startHook.accept(start.taskInfo().executorId());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskInfo().successful()) {
            SUCCEEDED.incrementAndGet();
            EXECUTORS_WITH_TASKS.add(end.taskInfo().executorId());
            SHORTEST_MILLIS.accumulateAndGet(end.taskInfo().duration(), Math::min);
        } else {
            FAILED.incrementAndGet();
        }
    }

    @Override
    public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
        EXECUTORS_REMOVED.incrementAndGet();
    }
}
