package io.linetwin.twin.sync;

import io.linetwin.twin.Prepared;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Ditto Protocol JSON from the events topic into a {@link TwinStore}, at least once: an offset is
 * committed only after its record was applied (and, when refused, stored as a {@link DeadLetter}), so a
 * crash replays it, and the store's revisions turn replays into counted no-ops. One thread, started by
 * {@link #start()}.
 *
 * <p>Nothing stops it but {@link #close()}: when the consumer fails (a broker gone for good, a bug), it logs,
 * waits a back-off that doubles from {@code minBackoff} to {@code maxBackoff}, and starts a new consumer at the
 * records it has not handled yet; {@link #health()} says so meanwhile. A record whose apply throws is not
 * skipped silently: it is counted as {@code APPLY_FAILED} and kept as a dead letter like any refusal.
 *
 * <p>Where reading starts, per partition: where this consumer left off (after a restart); else the offsets of
 * a checkpoint ({@link Builder#startAt}); else the topic's beginning ({@link Builder#fromBeginning()}); else the
 * group's committed offset. With {@link Builder#checkpoints} a callback persists the twin (a snapshot holding
 * the offsets it covers) at quiet points, and only the offsets of a written checkpoint are committed: a twin
 * process killed at any point then restarts from its checkpoint and loses no committed update.
 *
 * <p>Client defaults (any of them can be overridden through {@link KafkaSettings#extra()}):
 * {@code max.poll.records=2000}, {@code fetch.min.bytes=1} and {@code fetch.max.wait.ms=500} (a fetch
 * returns as soon as one record is there, so the wait only bounds idle polls), auto-commit off.
 * {@value #COMMIT_INTERVAL_MS} (default {@value #DEFAULT_COMMIT_INTERVAL_MS}) spaces the asynchronous
 * offset commits: one per poll made the broker write an offset per millisecond at a steady 10k
 * events/s; a wider spacing only means more (harmless) replays after a crash.
 */
public final class KafkaTwinConsumer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(KafkaTwinConsumer.class);
    /** Setting in {@link KafkaSettings#extra()} read by this class (not passed to the Kafka client). */
    public static final String COMMIT_INTERVAL_MS = "linetwin.commit.interval.ms";

    public static final long DEFAULT_COMMIT_INTERVAL_MS = 100;

    /** Sees each record with its outcome, on the consumer thread (benchmarks measure latency here). */
    @FunctionalInterface
    public interface RecordObserver {
        void onRecord(ConsumerRecord<String, byte[]> record, TwinEvent outcome);
    }

    /**
     * Persists the twin at a quiet point of the consumer thread: every record before {@code positions} (next
     * offset per partition) is applied and none after. Once it returns, those offsets are committed.
     */
    @FunctionalInterface
    public interface Checkpointer {
        void checkpoint(Map<TopicPartition, Long> positions) throws Exception;
    }

    private final KafkaSettings settings;
    private final TwinStore store;
    private final RecordObserver observer;
    private final DeadLetters deadLetters;
    private final Map<TopicPartition, Long> startAt;
    private final boolean fromBeginning;
    private final Checkpointer checkpointer;
    private final long checkpointNanos;
    private final long minBackoffNanos;
    private final long maxBackoffNanos;
    private final Clock wallClock;
    private final Function<Prepared, TwinEvent> applier;
    private final Properties props;
    private final BatchDecoder decoder;
    private final long commitIntervalNanos;

    /** Next offset per partition of every record applied (and dead-lettered if refused); consumer thread only. */
    private final Map<TopicPartition, Long> handled = new HashMap<>();
    /** Made by the constructor, so that bad client settings fail the caller; taken by the first run. */
    private KafkaConsumer<String, byte[]> first;
    /** The consumer the loop uses now, for close() to wake its poll. */
    private volatile KafkaConsumer<String, byte[]> polling;

    private long lastCommit;
    private long lastCheckpoint;
    private boolean uncommitted;

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong restarts = new AtomicLong();
    private volatile TwinHealth.ConsumerState state = TwinHealth.ConsumerState.STARTING;
    private volatile Instant lastAppliedAt;
    private volatile long lag = -1;
    private volatile String lastError;
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public KafkaTwinConsumer(KafkaSettings settings, TwinStore store) {
        this(builder(settings, store));
    }

    public KafkaTwinConsumer(KafkaSettings settings, TwinStore store, RecordObserver observer) {
        this(builder(settings, store).observer(observer));
    }

    public static Builder builder(KafkaSettings settings, TwinStore store) {
        return new Builder(settings, store);
    }

    /** Options of a consumer; every one has a default. */
    public static final class Builder {
        private final KafkaSettings settings;
        private final TwinStore store;
        private RecordObserver observer = (record, outcome) -> {};
        private DeadLetters deadLetters = DeadLetters.none();
        private Map<TopicPartition, Long> startAt = Map.of();
        private boolean fromBeginning;
        private Checkpointer checkpointer;
        private Duration checkpointEvery = Duration.ofSeconds(10);
        private Duration minBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);
        private Clock wallClock = Clock.systemUTC();
        private Function<Prepared, TwinEvent> applier;

        private Builder(KafkaSettings settings, TwinStore store) {
            this.settings = Objects.requireNonNull(settings, "settings");
            this.store = Objects.requireNonNull(store, "store");
        }

        public Builder observer(RecordObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        /** Where refused records go (default: counted only); the consumer flushes it before each commit. */
        public Builder deadLetters(DeadLetters deadLetters) {
            this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
            return this;
        }

        /** Next offsets to read per partition, from a checkpoint; partitions not named start as otherwise. */
        public Builder startAt(Map<TopicPartition, Long> offsets) {
            this.startAt = Map.copyOf(offsets);
            return this;
        }

        /** Partitions without a checkpoint offset are read from the topic's beginning (a fresh twin). */
        public Builder fromBeginning() {
            this.fromBeginning = true;
            return this;
        }

        /** Persist the twin every {@code every} and commit only what a checkpoint covers. */
        public Builder checkpoints(Checkpointer checkpointer, Duration every) {
            this.checkpointer = Objects.requireNonNull(checkpointer, "checkpointer");
            if (every.isNegative() || every.isZero()) {
                throw new IllegalArgumentException("checkpoint interval must be > 0, got " + every);
            }
            this.checkpointEvery = every;
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            if (min.isNegative() || min.isZero() || max.compareTo(min) < 0) {
                throw new IllegalArgumentException("back-off must satisfy 0 < min <= max, got " + min + " and " + max);
            }
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /** The wall clock of {@link TwinHealth#lastAppliedAt()}. */
        public Builder wallClock(Clock clock) {
            this.wallClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Tests only: how a decoded record is applied (to make one throw). */
        Builder applier(Function<Prepared, TwinEvent> applier) {
            this.applier = applier;
            return this;
        }

        public KafkaTwinConsumer build() {
            return new KafkaTwinConsumer(this);
        }
    }

    private KafkaTwinConsumer(Builder b) {
        this.settings = b.settings;
        this.store = b.store;
        this.observer = b.observer;
        this.deadLetters = b.deadLetters;
        this.startAt = b.startAt;
        this.fromBeginning = b.fromBeginning;
        this.checkpointer = b.checkpointer;
        this.checkpointNanos = b.checkpointEvery.toNanos();
        this.minBackoffNanos = b.minBackoff.toNanos();
        this.maxBackoffNanos = b.maxBackoff.toNanos();
        this.wallClock = b.wallClock;
        this.applier = b.applier != null ? b.applier : b.store::apply;
        Properties p = new Properties();
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        settings.forClient(KafkaSettings.Client.CONSUMER, p);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        long commitMillis =
                Long.parseLong(settings.setting(COMMIT_INTERVAL_MS, Long.toString(DEFAULT_COMMIT_INTERVAL_MS)));
        if (commitMillis < 0) {
            throw new IllegalArgumentException(COMMIT_INTERVAL_MS + " must be >= 0, got " + commitMillis);
        }
        this.commitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(commitMillis);
        this.props = p;
        this.decoder = new BatchDecoder(store);
        this.first = new KafkaConsumer<>(p);
    }

    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("consumer already started");
        }
        running = true;
        thread = new Thread(this::loop, "twin-kafka-" + settings.topic());
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long backoff = minBackoffNanos;
        try {
            while (running) {
                KafkaConsumer<String, byte[]> c = first != null ? first : newConsumer();
                first = null;
                if (c == null) {
                    break;
                }
                polling = c;
                boolean failed = false;
                try {
                    run(c);
                } catch (WakeupException e) {
                    // close() woke the poll; every record handed out so far has been handled.
                } catch (RuntimeException e) {
                    failed = true;
                    restarts.incrementAndGet();
                    lastError = e.toString();
                    state = TwinHealth.ConsumerState.RESTARTING;
                    LOG.warn(
                            "twin consumer of {} failed ({}); starting again in {} ms",
                            settings.topic(),
                            e,
                            TimeUnit.NANOSECONDS.toMillis(backoff));
                } finally {
                    if (!failed) {
                        finish(c);
                    }
                    polling = null;
                    closeQuietly(c);
                }
                if (failed && running) {
                    awaitStop(backoff);
                    backoff = Math.min(maxBackoffNanos, backoff * 2);
                } else {
                    backoff = minBackoffNanos;
                }
            }
        } finally {
            state = TwinHealth.ConsumerState.STOPPED;
            decoder.close();
            stopped.countDown();
        }
    }

    private KafkaConsumer<String, byte[]> newConsumer() {
        try {
            return new KafkaConsumer<>(props);
        } catch (RuntimeException e) {
            lastError = e.toString();
            LOG.error("twin consumer of {} cannot be made again ({}); it stops", settings.topic(), e.toString());
            return null;
        }
    }

    private void run(KafkaConsumer<String, byte[]> c) {
        c.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                persist(c, true);
            }

            @Override
            public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                seek(c, partitions);
                if (!partitions.isEmpty()) {
                    assigned.countDown();
                }
            }
        });
        state = TwinHealth.ConsumerState.RUNNING;
        while (running) {
            ConsumerRecords<String, byte[]> batch = c.poll(Duration.ofMillis(200));
            if (!batch.isEmpty()) {
                applyBatch(batch);
                uncommitted = true;
            }
            lag = lagOf(c);
            persistIfDue(c);
        }
    }

    private void seek(KafkaConsumer<String, byte[]> c, Collection<TopicPartition> partitions) {
        for (TopicPartition p : partitions) {
            Long next = handled.containsKey(p) ? handled.get(p) : startAt.get(p);
            if (next != null) {
                c.seek(p, next);
            } else if (fromBeginning) {
                c.seekToBeginning(List.of(p));
            }
        }
    }

    private static long lagOf(KafkaConsumer<String, byte[]> c) {
        long sum = 0;
        for (TopicPartition p : c.assignment()) {
            OptionalLong l = c.currentLag(p);
            if (l.isEmpty()) {
                return -1;
            }
            sum += l.getAsLong();
        }
        return sum;
    }

    /** After a normal stop: the last checkpoint and commit; a failure here only means replays. */
    private void finish(KafkaConsumer<String, byte[]> c) {
        try {
            persist(c, true);
        } catch (RuntimeException e) {
            LOG.info("final commit of {} failed ({}); the records will be replayed", settings.topic(), e.getMessage());
        }
    }

    /**
     * Asynchronous, and at most once per interval: a synchronous round trip per poll would hold every
     * later record back. A lost async commit only means more replays, which revisions turn into no-ops.
     */
    private void persistIfDue(KafkaConsumer<String, byte[]> c) {
        long now = System.nanoTime();
        if (checkpointer != null) {
            if (now - lastCheckpoint >= checkpointNanos) {
                lastCheckpoint = now;
                persist(c, true);
            }
            return;
        }
        if (!uncommitted || now - lastCommit < commitIntervalNanos) {
            return;
        }
        lastCommit = now;
        uncommitted = false;
        deadLetters.flush();
        c.commitAsync(offsets(handled), (offsets, error) -> {
            if (error != null) {
                LOG.info(
                        "offsets of {} not committed ({}); the records will be replayed",
                        settings.topic(),
                        error.getMessage());
            }
        });
    }

    /**
     * Dead letters first, then the checkpoint (if any), then the commit of exactly what both cover: a record
     * is never committed before its outcome is stored.
     */
    private void persist(KafkaConsumer<String, byte[]> c, boolean sync) {
        if (handled.isEmpty()) {
            return;
        }
        deadLetters.flush();
        Map<TopicPartition, Long> positions = Map.copyOf(handled);
        if (checkpointer != null) {
            try {
                checkpointer.checkpoint(positions);
            } catch (Exception e) {
                lastError = "checkpoint failed: " + e.getMessage();
                LOG.warn("twin checkpoint failed ({}); offsets stay uncommitted", e.getMessage());
                return;
            }
        }
        if (sync) {
            c.commitSync(offsets(positions), Duration.ofSeconds(10));
        }
        uncommitted = false;
    }

    private static Map<TopicPartition, OffsetAndMetadata> offsets(Map<TopicPartition, Long> positions) {
        Map<TopicPartition, OffsetAndMetadata> out = new HashMap<>();
        positions.forEach((p, next) -> out.put(p, new OffsetAndMetadata(next)));
        return out;
    }

    /**
     * Decodes the batch on this thread and a helper (decoding is most of the cost and needs no order),
     * applying in record order on this thread only, so per-Thing order and the commit rule hold.
     */
    private void applyBatch(ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> list = new java.util.ArrayList<>(batch.count());
        batch.forEach(list::add);
        int[] next = {0};
        decoder.decode(list, chunk -> {
            for (Prepared prepared : chunk) {
                applyOne(list.get(next[0]++), prepared);
            }
        });
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, Prepared prepared) {
        TwinEvent outcome;
        try {
            outcome = applier.apply(prepared);
        } catch (RuntimeException e) {
            // A defect in applying one record must not stop the twin, nor lose the record: it is counted and kept.
            failures.incrementAndGet();
            LOG.error("applying record {}-{}@{} failed", record.topic(), record.partition(), record.offset(), e);
            outcome = store.failed("applying " + DeadLetter.sourceOf(record) + " threw " + e);
        }
        if (outcome instanceof TwinEvent.Rejected rejected) {
            deadLetters.add(DeadLetter.of(wallClock.instant(), rejected, record));
        } else if (outcome instanceof TwinEvent.Applied) {
            lastAppliedAt = wallClock.instant();
        }
        handled.put(new TopicPartition(record.topic(), record.partition()), record.offset() + 1);
        records.incrementAndGet();
        observer.onRecord(record, outcome);
    }

    private void awaitStop(long nanos) {
        try {
            stopRequested.await(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void closeQuietly(KafkaConsumer<String, byte[]> c) {
        try {
            c.close(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debug("closing a twin consumer failed", e);
        }
    }

    /** Waits until the group gave this consumer its partitions, so producing now will be seen. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records handed to the store (applied, stale, rejected or failed). */
    public long records() {
        return records.get();
    }

    /** Records whose apply threw (each one is counted as {@code APPLY_FAILED} and kept as a dead letter). */
    public long failures() {
        return failures.get();
    }

    /** Times the consumer failed and started again. */
    public long restarts() {
        return restarts.get();
    }

    public TwinHealth health() {
        return new TwinHealth(
                state,
                Optional.ofNullable(lastAppliedAt),
                store.time(),
                lag < 0 ? OptionalLong.empty() : OptionalLong.of(lag),
                store.stats(),
                deadLetters.count(),
                restarts.get(),
                Optional.ofNullable(lastError));
    }

    /** Stops after the current record; what was handled is checkpointed and committed, the rest replays. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            if (first != null) {
                closeQuietly(first);
            }
            decoder.close();
            state = TwinHealth.ConsumerState.STOPPED;
            return;
        }
        running = false;
        stopRequested.countDown();
        KafkaConsumer<String, byte[]> c = polling;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("twin consumer of {} did not stop within 30 s", settings.topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
