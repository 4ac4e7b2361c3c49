package io.linetwin.loop.live;

import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.CheckpointException;
import io.linetwin.twin.sync.DeadLetters;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaTwin;
import io.linetwin.twin.sync.TwinHealth;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The twin from the events topic: twin-sync's {@link KafkaTwin} (a consumer that restarts itself, refused messages to
 * the dead letters, its {@link TwinHealth}), read from the topic's beginning under a consumer group of its own — the
 * loop's twin lives in memory, so a restarted loop rebuilds it from the whole history. Caught up once it handled as
 * many records as the topic held when it started.
 */
public final class KafkaTwinFeed implements TwinFeed {

    private final KafkaSettings settings;
    private final Duration timeout;
    private final KafkaTwin twin;
    private long backlog = -1;
    private boolean started;

    /**
     * @param settings    the events topic, the brokers and the client properties ({@code --kafka-config}); the group
     *                    id is replaced by one of this feed's own
     * @param deadLetters where the twin puts what it refuses (closed with the feed)
     */
    public KafkaTwinFeed(
            LineDescriptor line, KafkaSettings settings, DeadLetters deadLetters, Clock wall, Duration timeout) {
        this.settings = settings.withGroupId("linetwin-live-" + UUID.randomUUID());
        this.timeout = timeout;
        try {
            this.twin = KafkaTwin.builder(line, this.settings)
                    .deadLetters(deadLetters)
                    .wallClock(wall)
                    .build();
        } catch (CheckpointException e) {
            throw new IllegalStateException("a twin without a checkpoint file cannot fail to resume", e);
        }
    }

    /** The twin of {@code line} on {@code topic} at {@code bootstrapServers}, plain connections, no dead letters. */
    public KafkaTwinFeed(LineDescriptor line, String bootstrapServers, String topic, Clock wall, Duration timeout) {
        this(line, KafkaSettings.of(bootstrapServers, topic, ""), DeadLetters.none(), wall, timeout);
    }

    @Override
    public TwinStore store() {
        return twin.store();
    }

    @Override
    public Optional<Instant> lineTime() {
        return twin.lineTime();
    }

    @Override
    public synchronized boolean caughtUp() {
        return started && twin.records() >= backlog;
    }

    @Override
    public Optional<TwinHealth> health() {
        return Optional.of(twin.health());
    }

    @Override
    public synchronized void start() {
        backlog = backlog();
        twin.start();
        started = true;
    }

    /** Records in the topic now: what the twin must have read before it is the line as it is. */
    private long backlog() {
        Properties p = settings.forClient(KafkaSettings.Client.CONSUMER, new Properties());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (KafkaConsumer<byte[], byte[]> offsets = new KafkaConsumer<>(p)) {
            List<PartitionInfo> partitions = offsets.partitionsFor(settings.topic(), timeout);
            if (partitions == null || partitions.isEmpty()) {
                return 0;
            }
            List<TopicPartition> all = partitions.stream()
                    .map(i -> new TopicPartition(settings.topic(), i.partition()))
                    .toList();
            Map<TopicPartition, Long> begin = offsets.beginningOffsets(all, timeout);
            Map<TopicPartition, Long> end = offsets.endOffsets(all, timeout);
            return all.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }

    /** Records the twin handled so far (applied, stale or rejected). */
    public long records() {
        return twin.records();
    }

    @Override
    public synchronized void close() {
        twin.close();
    }
}
