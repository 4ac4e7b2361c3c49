package io.linetwin.app.render;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaTwinConsumer;
import io.linetwin.twin.sync.ReplayFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link TwinStore} of a line kept up to date from one source: Ditto Protocol events on a Kafka topic, a
 * recording played at a speed factor, or a twin snapshot file read again whenever it changes. Each source
 * runs on its own daemon thread from {@link #start()} until {@link #close()}.
 */
final class LiveTwin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveTwin.class);

    /** Starts feeding the store; the returned handle stops it. */
    @FunctionalInterface
    private interface Feed {
        AutoCloseable start(TwinStore store) throws Exception;
    }

    private final TwinStore store;
    private final Feed feed;
    private AutoCloseable running;

    private LiveTwin(LineSpec line, Feed feed) {
        this.store = TwinStore.of(LineDescriptors.of(line), Clock.systemUTC());
        this.feed = feed;
    }

    /**
     * Events from {@code topic}, read from its beginning under a consumer group of this viewer's own, so the
     * twin is rebuilt from the whole history and other consumers keep their partitions.
     */
    static LiveTwin kafka(LineSpec line, String bootstrapServers, String topic) {
        return kafka(line, KafkaSettings.of(bootstrapServers, topic, "linetwin-view-" + UUID.randomUUID()));
    }

    /** Events from {@code settings.topic()} with its client properties, in consumer group {@code settings.groupId()}. */
    static LiveTwin kafka(LineSpec line, KafkaSettings settings) {
        return new LiveTwin(line, store -> {
            KafkaTwinConsumer consumer = new KafkaTwinConsumer(settings, store);
            consumer.start();
            return consumer;
        });
    }

    /** A recording ({@link ReplayFile} format) played at {@code speed} recording seconds per wall second. */
    static LiveTwin replay(LineSpec line, Path recording, double speed) {
        ReplayFile player = new ReplayFile(Clock.systemUTC(), ReplayFile.Sleeper.SYSTEM, speed);
        return new LiveTwin(line, store -> {
            Thread thread = new Thread(
                    () -> {
                        try {
                            ReplayFile.Result result = player.play(recording, store::apply);
                            LOG.info(
                                    "replay of {} done: {} messages, {} lines skipped",
                                    recording,
                                    result.played(),
                                    result.skipped());
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (IOException | RuntimeException e) {
                            LOG.error("replay of {} stopped", recording, e);
                        }
                    },
                    "linetwin-replay");
            thread.setDaemon(true);
            thread.start();
            return thread::interrupt;
        });
    }

    /**
     * A twin snapshot file ({@code linetwin/twin-snapshot/v1}, as {@code --from-twin} reads) checked every
     * {@code period}; when it changed, each Thing in it newer than the store's replaces it.
     */
    static LiveTwin polled(LineSpec line, Path snapshotFile, Duration period) {
        return new LiveTwin(line, store -> {
            ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "linetwin-snapshot-poll");
                t.setDaemon(true);
                return t;
            });
            FileTime[] seen = {null};
            poller.scheduleWithFixedDelay(
                    () -> {
                        try {
                            FileTime modified = Files.getLastModifiedTime(snapshotFile);
                            if (!modified.equals(seen[0])) {
                                seen[0] = modified;
                                load(store, Snapshot.read(snapshotFile));
                            }
                        } catch (IOException | RuntimeException e) {
                            // A file caught half-written reads as bad JSON: the next poll tries again.
                            seen[0] = null;
                            LOG.warn("could not read twin snapshot {}: {}", snapshotFile, e.getMessage());
                        }
                    },
                    0,
                    Math.max(1, period.toMillis()),
                    TimeUnit.MILLISECONDS);
            return poller::shutdownNow;
        });
    }

    /** Puts every Thing of {@code snapshot} into {@code store}; those not newer than the store's are ignored. */
    static void load(TwinStore store, Snapshot snapshot) {
        for (TwinThing thing : snapshot.things().values()) {
            store.put(thing.thing(), thing.revision());
        }
    }

    TwinStore store() {
        return store;
    }

    synchronized void start() throws Exception {
        if (running != null) {
            throw new IllegalStateException("live twin already started");
        }
        running = Objects.requireNonNull(feed.start(store), "feed");
    }

    @Override
    public synchronized void close() throws Exception {
        if (running != null) {
            running.close();
        }
    }
}
