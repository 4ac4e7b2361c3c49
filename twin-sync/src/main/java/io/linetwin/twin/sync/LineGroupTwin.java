package io.linetwin.twin.sync;

import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.eclipse.ditto.json.JsonFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twins of many lines, followed by the processes of one consumer group. Events are keyed by line, so one line's
 * Things share a partition and the group's assignment hands each line, whole, to one process; revisions still order
 * each Thing. A process owns the lines of the partitions it is assigned, answers snapshots for those only, and, every
 * {@code every}, writes each owned line's snapshot (with the partition offset it covers) to a compacted checkpoint
 * topic keyed by line and only then commits that offset. When a process dies, the group gives its partitions to
 * another, which loads each line's latest checkpoint and reads on from the group's committed offset: records between
 * the commit and the checkpoint come again and are stale by revision (at least once, applied once), and nothing after
 * the commit was ever lost. A record of an owned line that its twin refuses (or that throws while applied) goes to the
 * dead letters, as with one line's consumer, and is stored before any offset past it is committed.
 */
public final class LineGroupTwin implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineGroupTwin.class);
    public static final String CHECKPOINTS_TOPIC = "linetwin.twin.checkpoints";
    /** A checkpoint of a big line is a few hundred kB of JSON; the topic and producer allow this much. */
    static final int MAX_CHECKPOINT_BYTES = 16 * 1024 * 1024;

    /** One owned line: its twin and the partition it comes from. */
    private record Owned(LineDescriptor line, TwinStore store, TopicPartition partition) {}

    private final Map<String, LineDescriptor> lines = new HashMap<>();
    private final KafkaSettings settings;
    private final String checkpointTopic;
    private final long everyNanos;
    private final InputLimits limits;
    private final Clock wallClock;
    private final KafkaConsumer<String, byte[]> consumer;
    private final KafkaProducer<String, String> producer;
    private final Properties readerProps;
    private final DeadLetters deadLetters;
    /** Dead letters were lost in a failed flush: read again from the last commit before committing anything. */
    private boolean mustRewind;

    private final Map<String, Owned> owned = new ConcurrentHashMap<>();
    /** Next offset per owned partition of every record handled; consumer thread only. */
    private final Map<TopicPartition, Long> handled = new HashMap<>();

    private final AtomicLong records = new AtomicLong();
    private final AtomicLong foreign = new AtomicLong();
    private final AtomicLong takeovers = new AtomicLong();
    private final AtomicLong checkpoints = new AtomicLong();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile long lag = -1;
    private long lastCheckpoint = System.nanoTime();
    private Thread thread;

    private LineGroupTwin(
            List<LineDescriptor> lineList,
            KafkaSettings settings,
            String checkpointTopic,
            Duration every,
            InputLimits limits,
            Clock wallClock,
            DeadLetters deadLetters) {
        this.deadLetters = Objects.requireNonNull(deadLetters, "deadLetters");
        for (LineDescriptor line : lineList) {
            if (lines.put(line.lineId().toString(), line) != null) {
                throw new IllegalArgumentException("line " + line.lineId() + " is given twice");
            }
        }
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("a group twin needs >= 1 line, got 0");
        }
        this.settings = settings;
        this.checkpointTopic = Objects.requireNonNull(checkpointTopic, "checkpointTopic");
        this.everyNanos = every.toNanos();
        this.limits = limits;
        this.wallClock = wallClock;
        Properties c = new Properties();
        c.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        // Sticky and cooperative: a rebalance moves only the partitions that must move, so a process keeps its
        // lines (and their state) when another joins or dies, and only moved lines are checkpointed and reloaded.
        c.put(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        settings.forClient(KafkaSettings.Client.CONSUMER, c);
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        c.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        c.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        this.consumer = new KafkaConsumer<>(c);
        Properties r = new Properties();
        settings.forClient(KafkaSettings.Client.CONSUMER, r);
        r.remove(ConsumerConfig.GROUP_ID_CONFIG);
        r.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        r.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(MAX_CHECKPOINT_BYTES));
        r.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        r.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        this.readerProps = r;
        Properties p = new Properties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(MAX_CHECKPOINT_BYTES));
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(settings.forClient(KafkaSettings.Client.PRODUCER, p));
    }

    /**
     * Joins group {@code settings.groupId()} on {@code settings.topic()} and follows the lines it is given.
     *
     * @param every how often owned lines are checkpointed and their offsets committed
     */
    public static LineGroupTwin start(
            List<LineDescriptor> lines,
            KafkaSettings settings,
            String checkpointTopic,
            Duration every,
            InputLimits limits,
            Clock wallClock) {
        return start(lines, settings, checkpointTopic, every, limits, wallClock, DeadLetters.none());
    }

    /** As above, with the refused records of owned lines stored in {@code deadLetters} (closed with this twin). */
    public static LineGroupTwin start(
            List<LineDescriptor> lines,
            KafkaSettings settings,
            String checkpointTopic,
            Duration every,
            InputLimits limits,
            Clock wallClock,
            DeadLetters deadLetters) {
        LineGroupTwin twin = new LineGroupTwin(lines, settings, checkpointTopic, every, limits, wallClock, deadLetters);
        twin.thread = new Thread(twin::loop, "twin-group-" + settings.groupId());
        twin.thread.setDaemon(true);
        twin.thread.start();
        return twin;
    }

    /** The compacted topic that holds each line's latest checkpoint. */
    public static Topics.Spec checkpointTopic(String name) {
        return new Topics.Spec(
                name,
                1,
                Map.of("cleanup.policy", "compact", "max.message.bytes", Integer.toString(MAX_CHECKPOINT_BYTES)));
    }

    /** The partition Kafka's default partitioner gives records keyed {@code lineId} on a topic of that many. */
    public static int partitionOf(String lineId, int partitions) {
        return Utils.toPositive(Utils.murmur2(lineId.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    /**
     * The line of a record among {@code lines}: its key when that names a line, else the line of the Thing id it
     * names (records keyed by Thing, as before lines were keys).
     */
    static Optional<String> lineOf(String key, java.util.Set<String> lines) {
        if (key == null) {
            return Optional.empty();
        }
        if (lines.contains(key)) {
            return Optional.of(key);
        }
        // The longest line id the Thing id extends: "plant1:a.v2" owns "plant1:a.v2.m1", not "plant1:a".
        int colon = key.indexOf(':');
        for (int dot = key.lastIndexOf('.'); dot > colon; dot = key.lastIndexOf('.', dot - 1)) {
            String prefix = key.substring(0, dot);
            if (lines.contains(prefix)) {
                return Optional.of(prefix);
            }
        }
        return Optional.empty();
    }

    private void loop() {
        try {
            consumer.subscribe(List.of(settings.topic()), new ConsumerRebalanceListener() {
                @Override
                public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
                    try {
                        checkpoint(partitions);
                    } catch (RuntimeException e) {
                        LOG.warn(
                                "checkpoint before handing over {} failed ({}); the next owner replays",
                                partitions,
                                e.toString());
                    }
                    release(partitions);
                }

                @Override
                public void onPartitionsLost(Collection<TopicPartition> partitions) {
                    release(partitions);
                }

                @Override
                public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
                    take(partitions);
                }
            });
            while (running) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    apply(record);
                }
                lag = lagOf();
                if (System.nanoTime() - lastCheckpoint >= everyNanos) {
                    checkpoint(consumer.assignment());
                }
            }
            checkpoint(consumer.assignment());
        } catch (WakeupException e) {
            try {
                checkpoint(consumer.assignment());
            } catch (RuntimeException again) {
                LOG.info("last checkpoint failed ({}); the next owner replays", again.toString());
            }
        } catch (RuntimeException e) {
            LOG.error("the group twin of {} stopped", settings.groupId(), e);
        } finally {
            try {
                consumer.close(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debug("closing the group consumer failed", e);
            }
            producer.close(Duration.ofSeconds(5));
            try {
                deadLetters.close();
            } catch (RuntimeException e) {
                LOG.warn("closing the dead letters of {} failed ({})", settings.groupId(), e.toString());
            }
            owned.clear();
            stopped.countDown();
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Optional<Owned> line = lineOf(record.key(), lines.keySet()).map(owned::get);
        if (line.isPresent() && line.get().partition().equals(partition)) {
            TwinStore store = line.get().store();
            TwinEvent outcome;
            try {
                outcome = store.apply(record.value());
            } catch (RuntimeException e) {
                // A defect in applying one record must not stop the member, nor lose the record: it is kept.
                LOG.error("applying record {} failed", DeadLetter.sourceOf(record), e);
                outcome = store.failed("applying " + DeadLetter.sourceOf(record) + " threw " + e);
            }
            if (outcome instanceof TwinEvent.Rejected rejected) {
                deadLetters.add(DeadLetter.of(wallClock.instant(), rejected, record));
            }
        } else {
            // A line this group does not follow, or keyed so that another partition holds the rest of it.
            foreign.incrementAndGet();
        }
        handled.put(partition, record.offset() + 1);
        records.incrementAndGet();
    }

    /** Loads the latest checkpoint of each line of the new partitions; reading goes on from the committed offsets. */
    private void take(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        List<PartitionInfo> infos = consumer.partitionsFor(settings.topic());
        int count = infos.size();
        Map<String, Snapshot> saved = latestCheckpoints();
        for (Map.Entry<String, LineDescriptor> entry : lines.entrySet()) {
            TopicPartition partition = new TopicPartition(settings.topic(), partitionOf(entry.getKey(), count));
            if (!partitions.contains(partition) || owned.containsKey(entry.getKey())) {
                continue;
            }
            LineClock clock = new LineClock(wallClock);
            TwinStore store = TwinStore.of(entry.getValue(), clock, limits);
            Snapshot checkpoint = saved.get(entry.getKey());
            String covered = partition.topic() + "/" + partition.partition();
            if (checkpoint != null && !checkpoint.offsets().containsKey(covered)) {
                // Written by a group that read another topic (or keyed the line elsewhere): not this line's past.
                LOG.warn(
                        "ignoring the checkpoint of {} on {}: it covers {}, not {}",
                        entry.getKey(),
                        checkpointTopic,
                        checkpoint.offsets().keySet(),
                        partition);
                checkpoint = null;
            }
            if (checkpoint != null) {
                for (TwinThing thing : checkpoint.things().values()) {
                    if (thing.revision() > 0) {
                        store.put(thing.thing(), thing.revision());
                    }
                }
                clock.observe(checkpoint.takenAt());
            }
            owned.put(entry.getKey(), new Owned(entry.getValue(), store, partition));
            takeovers.incrementAndGet();
        }
        LOG.info("{} owns {} after an assignment of {}", settings.groupId(), owned(), partitions);
    }

    private void release(Collection<TopicPartition> partitions) {
        owned.values().removeIf(o -> partitions.contains(o.partition()));
        partitions.forEach(handled::remove);
    }

    /**
     * Each owned line of {@code partitions} to the checkpoint topic (waiting for the broker's acknowledgement), then
     * the offsets those checkpoints cover to the group: an offset is never committed before the state it implies.
     */
    private void checkpoint(Collection<TopicPartition> partitions) {
        lastCheckpoint = System.nanoTime();
        if (!deadLettersStored()) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
        List<java.util.concurrent.Future<?>> sent = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            long next = handled.containsKey(partition) ? handled.get(partition) : consumer.position(partition);
            for (Map.Entry<String, Owned> entry : owned.entrySet()) {
                if (!entry.getValue().partition().equals(partition)) {
                    continue;
                }
                Snapshot snapshot = entry.getValue()
                        .store()
                        .snapshot()
                        .withOffsets(Map.of(partition.topic() + "/" + partition.partition(), next));
                sent.add(producer.send(new ProducerRecord<>(
                        checkpointTopic, entry.getKey(), snapshot.toJson().toString())));
            }
            commit.put(partition, new OffsetAndMetadata(next));
        }
        try {
            for (java.util.concurrent.Future<?> f : sent) {
                f.get(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("checkpoints not stored ({}); offsets stay uncommitted", e.toString());
            return;
        }
        checkpoints.addAndGet(sent.size());
        if (!commit.isEmpty()) {
            try {
                consumer.commitSync(commit, Duration.ofSeconds(10));
            } catch (RebalanceInProgressException
                    | CommitFailedException
                    | org.apache.kafka.common.errors.TimeoutException e) {
                // A cooperative rebalance is under way (the next poll completes it); the checkpoints stand, and an
                // offset committed later only means records the next owner finds stale.
                LOG.debug("offsets not committed this time ({})", e.toString());
            }
        }
    }

    /**
     * Stores the dead letters added so far; false when they could not be (nothing may be committed then). Letters
     * lost in a failed flush come back by reading the assigned partitions again from their last commit: applied
     * records return as stale, refused ones are refused and lettered again.
     */
    private boolean deadLettersStored() {
        try {
            if (mustRewind) {
                rewind();
            }
            deadLetters.flush();
            return true;
        } catch (DeadLetters.DeadLetterException e) {
            LOG.warn("dead letters not stored ({}); nothing is committed, the records are read again", e.getMessage());
            mustRewind = true;
            try {
                rewind();
            } catch (RuntimeException again) {
                LOG.warn("cannot read the records again yet ({}); trying at the next checkpoint", again.toString());
            }
            return false;
        } catch (RuntimeException e) {
            LOG.warn("cannot read the records again yet ({}); trying at the next checkpoint", e.toString());
            return false;
        }
    }

    private void rewind() {
        java.util.Set<TopicPartition> assigned = consumer.assignment();
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assigned, Duration.ofSeconds(10));
        for (TopicPartition p : assigned) {
            OffsetAndMetadata at = committed.get(p);
            if (at == null) {
                consumer.seekToBeginning(List.of(p));
            } else {
                consumer.seek(p, at.offset());
            }
            handled.remove(p);
        }
        mustRewind = false;
    }

    /** The latest checkpoint of every line on the compacted topic (the topic read to its end). */
    private Map<String, Snapshot> latestCheckpoints() {
        Map<String, Snapshot> latest = new HashMap<>();
        try (KafkaConsumer<String, String> reader = new KafkaConsumer<>(readerProps)) {
            List<TopicPartition> parts = reader.partitionsFor(checkpointTopic).stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition()))
                    .toList();
            reader.assign(parts);
            reader.seekToBeginning(parts);
            Map<TopicPartition, Long> end = reader.endOffsets(parts);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (parts.stream().anyMatch(p -> reader.position(p) < end.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(
                            "the checkpoint topic " + checkpointTopic + " could not be read to its end within 60 s");
                }
                for (ConsumerRecord<String, String> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.key() == null || !lines.containsKey(record.key())) {
                        continue;
                    }
                    if (record.value() == null) {
                        latest.remove(record.key());
                    } else {
                        latest.put(
                                record.key(),
                                Snapshot.fromJson(
                                        JsonFactory.readFrom(record.value()).asObject()));
                    }
                }
            }
        }
        return latest;
    }

    private long lagOf() {
        long sum = 0;
        for (TopicPartition p : consumer.assignment()) {
            java.util.OptionalLong l = consumer.currentLag(p);
            if (l.isEmpty()) {
                return -1;
            }
            sum += l.getAsLong();
        }
        return sum;
    }

    /** The lines this process owns now, sorted. */
    public SortedSet<String> owned() {
        return new TreeSet<>(owned.keySet());
    }

    /** Every line this process was started with. */
    public SortedSet<String> lines() {
        return new TreeSet<>(lines.keySet());
    }

    /** A consistent copy of an owned line's twin; empty for a line another process of the group owns. */
    public Optional<Snapshot> snapshot(String lineId) {
        Owned line = owned.get(lineId);
        return line == null ? Optional.empty() : Optional.of(line.store().snapshot());
    }

    /** What the twin of an owned line has counted since this process took it. */
    public Optional<TwinStore.Stats> stats(String lineId) {
        Owned line = owned.get(lineId);
        return line == null ? Optional.empty() : Optional.of(line.store().stats());
    }

    /** Records read (of owned lines, and foreign ones). */
    public long records() {
        return records.get();
    }

    /** Records of lines this process was not started with (or keyed off their line's partition). */
    public long foreign() {
        return foreign.get();
    }

    /** Dead letters stored so far (refused records of owned lines). */
    public long deadLettered() {
        return deadLetters.count();
    }

    /** Lines taken over (at start and after rebalances). */
    public long takeovers() {
        return takeovers.get();
    }

    /** Records behind the end of the assigned partitions; -1 while unknown. */
    public long lag() {
        return lag;
    }

    /** Leaves the group after a last checkpoint and commit, so another process takes the lines at once. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            if (!stopped.await(30, TimeUnit.SECONDS)) {
                LOG.warn("the group twin of {} did not stop within 30 s", settings.groupId());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
