package io.linetwin.twin.sync;

import io.linetwin.twin.InputLimits;
import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.TwinThing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.common.TopicPartition;

/**
 * The twin of one line, kept in sync from its events topic: a {@link TwinStore} on the line's clock, a
 * {@link KafkaTwinConsumer} that restarts itself, dead letters for what it refuses, and, with a checkpoint
 * file, persistence: every {@code every} the snapshot (with the offsets it covers) replaces the file
 * atomically, and a twin started on an existing file resumes from it. Without one, the twin reads the topic
 * from its beginning. {@code twin follow} is this plus a table; the live loop embeds it.
 */
public final class KafkaTwin implements AutoCloseable {

    private final LineDescriptor line;
    private final KafkaSettings settings;
    private final Optional<Path> checkpointFile;
    private final Duration every;
    private final DeadLetters deadLetters;
    private final InputLimits limits;
    private final Clock wallClock;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private LineClock clock;
    private TwinStore store;
    private KafkaTwinConsumer consumer;
    private long resumedRecords;

    private KafkaTwin(Builder b) {
        this.line = b.line;
        this.settings = b.settings;
        this.checkpointFile = Optional.ofNullable(b.checkpointFile);
        this.every = b.every;
        this.deadLetters = b.deadLetters;
        this.limits = b.limits;
        this.wallClock = b.wallClock;
        this.minBackoff = b.minBackoff;
        this.maxBackoff = b.maxBackoff;
    }

    /** A twin of {@code line} reading {@code settings.topic()} in consumer group {@code settings.groupId()}. */
    public static Builder builder(LineDescriptor line, KafkaSettings settings) {
        return new Builder(line, settings);
    }

    /** Options; every one but the line and the settings has a default. */
    public static final class Builder {
        private final LineDescriptor line;
        private final KafkaSettings settings;
        private Path checkpointFile;
        private Duration every = Duration.ofSeconds(10);
        private DeadLetters deadLetters = DeadLetters.none();
        private InputLimits limits = InputLimits.DEFAULT;
        private Clock wallClock = Clock.systemUTC();
        private Duration minBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(30);

        private Builder(LineDescriptor line, KafkaSettings settings) {
            this.line = Objects.requireNonNull(line, "line");
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** Resume from this snapshot file if it exists, and keep writing it (atomically) every {@link #every}. */
        public Builder checkpointFile(Path file) {
            this.checkpointFile = Objects.requireNonNull(file, "file");
            return this;
        }

        public Builder every(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("checkpoint interval must be > 0, got " + interval);
            }
            this.every = interval;
            return this;
        }

        /** Where refused messages go; closed with the twin. */
        public Builder deadLetters(DeadLetters letters) {
            this.deadLetters = Objects.requireNonNull(letters, "letters");
            return this;
        }

        public Builder limits(InputLimits inputLimits) {
            this.limits = Objects.requireNonNull(inputLimits, "inputLimits");
            return this;
        }

        /** The clock the twin shows until the first event's timestamp arrives, and of its health. */
        public Builder wallClock(Clock clock) {
            this.wallClock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder backoff(Duration min, Duration max) {
            this.minBackoff = min;
            this.maxBackoff = max;
            return this;
        }

        /** Loads the checkpoint (if any) and starts consuming. */
        public KafkaTwin start() throws CheckpointException {
            KafkaTwin twin = build();
            twin.start();
            return twin;
        }

        /**
         * Loads the checkpoint (if any) and makes the consumer without starting it: a caller that listens to the
         * store ({@link TwinStore#addListener}) does so before the first record arrives, then calls {@link #start()}.
         */
        public KafkaTwin build() throws CheckpointException {
            KafkaTwin twin = new KafkaTwin(this);
            twin.prepare();
            return twin;
        }
    }

    private void prepare() throws CheckpointException {
        clock = new LineClock(wallClock);
        store = TwinStore.of(line, clock, limits);
        Map<TopicPartition, Long> startAt = new HashMap<>();
        if (checkpointFile.isPresent() && Files.exists(checkpointFile.get())) {
            startAt = resume(checkpointFile.get(), clock);
        }
        KafkaTwinConsumer.Builder b = KafkaTwinConsumer.builder(settings, store)
                .deadLetters(deadLetters)
                .startAt(startAt)
                .fromBeginning()
                .backoff(minBackoff, maxBackoff)
                .wallClock(wallClock);
        checkpointFile.ifPresent(file -> b.checkpoints(positions -> write(file, positions), every));
        consumer = b.build();
    }

    /** Starts consuming (once; {@link Builder#start()} does it for you). */
    public void start() {
        consumer.start();
    }

    /** Puts the checkpoint's Things into the store and returns the offsets to read on from. */
    private Map<TopicPartition, Long> resume(Path file, LineClock clock) throws CheckpointException {
        Snapshot snapshot;
        try {
            snapshot = Snapshot.read(file);
        } catch (IOException | RuntimeException e) {
            throw new CheckpointException(file + ": not a twin snapshot to resume from (" + e.getMessage() + ")", e);
        }
        for (TwinThing thing : snapshot.things().values()) {
            if (thing.revision() == 0) {
                // Unchanged since the twin was made: the store holds it already, and revision 1 is still to come.
                continue;
            }
            TwinEvent outcome = store.put(thing.thing(), thing.revision());
            if (outcome instanceof TwinEvent.Rejected r) {
                throw new CheckpointException(
                        file + ": holds " + r.thingId().map(Object::toString).orElse("a Thing")
                                + ", which this twin of " + line.lineId() + " refuses (" + r.detail() + ")");
            }
        }
        clock.observe(snapshot.takenAt());
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (Map.Entry<String, Long> e : snapshot.offsets().entrySet()) {
            int slash = e.getKey().lastIndexOf('/');
            String topic = slash < 0 ? "" : e.getKey().substring(0, slash);
            if (!topic.equals(settings.topic())) {
                throw new CheckpointException(file + ": offsets." + e.getKey() + " is not of topic " + settings.topic()
                        + "; this snapshot follows another topic");
            }
            try {
                offsets.put(
                        new TopicPartition(topic, Integer.parseInt(e.getKey().substring(slash + 1))), e.getValue());
            } catch (NumberFormatException ex) {
                throw new CheckpointException(file + ": offsets." + e.getKey() + " must name topic/partition", ex);
            }
            resumedRecords += e.getValue();
        }
        return offsets;
    }

    private void write(Path file, Map<TopicPartition, Long> positions) throws IOException {
        Map<String, Long> offsets = new HashMap<>();
        positions.forEach((p, next) -> offsets.put(p.topic() + "/" + p.partition(), next));
        store.snapshot().withOffsets(offsets).write(file);
    }

    public LineDescriptor line() {
        return line;
    }

    public TwinStore store() {
        return store;
    }

    /** The line's time: the latest timestamp the twin applied (or resumed from); empty before the first. */
    public Optional<Instant> lineTime() {
        return clock.observed() ? Optional.of(clock.instant()) : Optional.empty();
    }

    /** A consistent copy of the twin now (not a checkpoint: it carries no offsets). */
    public Snapshot snapshot() {
        return store.snapshot();
    }

    public TwinHealth health() {
        return consumer.health();
    }

    /** Records read since the start (applied, stale, refused). */
    public long records() {
        return consumer.records();
    }

    /** Offsets the checkpoint it resumed from covered, summed over partitions (0 for a fresh twin). */
    public long resumedRecords() {
        return resumedRecords;
    }

    public boolean awaitAssignment(Duration timeout) throws InterruptedException {
        return consumer.awaitAssignment(timeout);
    }

    /** Stops consuming; with a checkpoint file, the last checkpoint is written first. */
    @Override
    public void close() {
        try {
            if (consumer != null) {
                consumer.close();
            }
        } finally {
            deadLetters.close();
        }
    }
}
