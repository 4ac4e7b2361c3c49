package io.linetwin.app.render;

import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands snapshots of a live {@link TwinStore} to a consumer, at most one per period and only after a change:
 * a busy line applies thousands of messages a second, and the picture needs a handful. The store's listener
 * only raises a flag (it runs on the applying thread and must be quick); the snapshot is taken on this
 * follower's own thread.
 */
final class TwinFollower implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TwinFollower.class);

    private final TwinStore store;
    private final Consumer<Snapshot> consumer;
    private final AtomicBoolean changed = new AtomicBoolean(true);
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "linetwin-twin-follower");
        t.setDaemon(true);
        return t;
    });

    TwinFollower(TwinStore store, Consumer<Snapshot> consumer) {
        this.store = Objects.requireNonNull(store, "store");
        this.consumer = Objects.requireNonNull(consumer, "consumer");
        store.addListener(event -> {
            if (event instanceof TwinEvent.Applied) {
                changed.set(true);
            }
        });
    }

    /** Starts publishing every {@code period} (the first snapshot at once). */
    TwinFollower start(Duration period) {
        long millis = Math.max(1, period.toMillis());
        thread.scheduleWithFixedDelay(this::publishIfChanged, 0, millis, TimeUnit.MILLISECONDS);
        return this;
    }

    /** Publishes now if anything changed since the last snapshot, on the caller's thread: before {@link #start} only. */
    void publishIfChanged() {
        if (changed.getAndSet(false)) {
            try {
                consumer.accept(store.snapshot());
            } catch (RuntimeException e) {
                // A scheduled task that throws is never run again: log it and keep following the twin.
                LOG.error("could not show the twin's latest snapshot", e);
            }
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
