package io.linetwin.twin.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.linetwin.twin.Prepared;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads Ditto Protocol JSON from the events topic into a {@link TwinStore}, at least once: offsets are
 * committed only after the records of a poll have been applied, so a crash replays them, and the
 * store's revisions turn the replays into counted no-ops. One thread, started by {@link #start()}.
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

    private final KafkaSettings settings;
    private final TwinStore store;
    private final RecordObserver observer;
    private final KafkaConsumer<String, byte[]> consumer;
    private final BatchDecoder decoder;
    private final long commitIntervalNanos;
    private long lastCommit;
    private boolean uncommitted;
    private final AtomicLong records = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final CountDownLatch assigned = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public KafkaTwinConsumer(KafkaSettings settings, TwinStore store) {
        this(settings, store, (record, outcome) -> { });
    }

    public KafkaTwinConsumer(KafkaSettings settings, TwinStore store, RecordObserver observer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
        this.observer = Objects.requireNonNull(observer, "observer");
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        p.put(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, "1");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        settings.withExtra(p);
        Object interval = p.remove(COMMIT_INTERVAL_MS);
        long commitMillis = interval == null ? DEFAULT_COMMIT_INTERVAL_MS : Long.parseLong(interval.toString());
        if (commitMillis < 0) {
            throw new IllegalArgumentException(COMMIT_INTERVAL_MS + " must be >= 0, got " + commitMillis);
        }
        this.commitIntervalNanos = TimeUnit.MILLISECONDS.toNanos(commitMillis);
        this.decoder = new BatchDecoder(store);
        this.consumer = new KafkaConsumer<>(p);
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
        try {
            consumer.subscribe(List.of(settings.topic()), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                    commitApplied();
                }

                @Override
                public void onPartitionsAssigned(java.util.Collection<org.apache.kafka.common.TopicPartition> p) {
                    if (!p.isEmpty()) {
                        assigned.countDown();
                    }
                }
            });
            while (running) {
                ConsumerRecords<String, byte[]> batch = consumer.poll(Duration.ofMillis(200));
                if (!batch.isEmpty()) {
                    applyBatch(batch);
                    uncommitted = true;
                }
                commitAsyncIfDue();
            }
        } catch (WakeupException e) {
            // close() woke the poll; every record handed out so far has been applied.
        } catch (RuntimeException e) {
            LOG.error("twin consumer of {} stopped", settings.topic(), e);
        } finally {
            commitApplied();
            consumer.close();
            decoder.close();
            stopped.countDown();
        }
    }

    /**
     * Asynchronous, and at most once per interval: a synchronous round trip per poll would hold every
     * later record back. A lost async commit only means more replays, which revisions turn into no-ops.
     */
    private void commitAsyncIfDue() {
        long now = System.nanoTime();
        if (!uncommitted || now - lastCommit < commitIntervalNanos) {
            return;
        }
        lastCommit = now;
        uncommitted = false;
        consumer.commitAsync((offsets, error) -> {
            if (error != null) {
                LOG.info("offsets of {} not committed ({}); the records will be replayed",
                        settings.topic(), error.getMessage());
            }
        });
    }

    /** Commits the position after the last applied record; a failure only means replays. */
    private void commitApplied() {
        try {
            consumer.commitSync(Duration.ofSeconds(10));
        } catch (RuntimeException e) {
            LOG.info("final commit of {} failed ({}); the records will be replayed", settings.topic(), e.getMessage());
        }
    }

    /**
     * Decodes the batch on this thread and a helper (decoding is most of the cost and needs no order),
     * applying in record order on this thread only, so per-Thing order and the commit rule hold.
     */
    private void applyBatch(ConsumerRecords<String, byte[]> batch) {
        List<ConsumerRecord<String, byte[]>> records = new java.util.ArrayList<>(batch.count());
        batch.forEach(records::add);
        int[] next = {0};
        decoder.decode(records, chunk -> {
            for (Prepared prepared : chunk) {
                applyOne(records.get(next[0]++), prepared);
            }
        });
    }

    private void applyOne(ConsumerRecord<String, byte[]> record, Prepared prepared) {
        TwinEvent outcome;
        try {
            outcome = store.apply(prepared);
        } catch (RuntimeException e) {
            // A bug in applying one record must not stop the twin; the record is skipped and counted.
            failures.incrementAndGet();
            LOG.error("applying record {}-{}@{} failed", record.topic(), record.partition(), record.offset(), e);
            return;
        }
        records.incrementAndGet();
        observer.onRecord(record, outcome);
    }

    /** Waits until the group gave this consumer its partitions, so producing now will be seen. */
    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return assigned.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Records handed to the store (applied, stale or rejected). */
    public long records() {
        return records.get();
    }

    public long failures() {
        return failures.get();
    }

    /** Stops after the current record; offsets of whole applied polls are committed, the rest replays. */
    @Override
    public synchronized void close() {
        if (thread == null) {
            consumer.close();
            decoder.close();
            return;
        }
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("twin consumer of {} did not stop within 30 s", settings.topic());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
