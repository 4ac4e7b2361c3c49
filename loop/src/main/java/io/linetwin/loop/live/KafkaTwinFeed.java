package io.linetwin.loop.live;

import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaTwinConsumer;
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
 * The twin from the events topic, read from its beginning under a consumer group of its own (the twin lives in
 * memory, so a restarted loop rebuilds it from the whole history). Caught up once it handled as many records as the
 * topic held when it started.
 */
public final class KafkaTwinFeed implements TwinFeed {

    private final String bootstrapServers;
    private final String topic;
    private final Duration timeout;
    private final LineClock clock;
    private final TwinStore store;
    private KafkaTwinConsumer consumer;
    private long backlog = -1;

    public KafkaTwinFeed(LineDescriptor line, String bootstrapServers, String topic, Clock wall, Duration timeout) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.timeout = timeout;
        this.clock = new LineClock(wall);
        this.store = TwinStore.of(line, clock);
        store.addListener(clock::observe);
    }

    @Override
    public TwinStore store() {
        return store;
    }

    @Override
    public Optional<Instant> lineTime() {
        return clock.lineTime();
    }

    @Override
    public synchronized boolean caughtUp() {
        return consumer != null && consumer.records() >= backlog;
    }

    @Override
    public synchronized void start() {
        backlog = backlog();
        consumer = new KafkaTwinConsumer(KafkaSettings.of(bootstrapServers, topic,
                "linetwin-live-" + UUID.randomUUID()), store);
        consumer.start();
    }

    /** Records in the topic now: what the twin must have read before it is the line as it is. */
    private long backlog() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (KafkaConsumer<byte[], byte[]> offsets = new KafkaConsumer<>(p)) {
            List<PartitionInfo> partitions = offsets.partitionsFor(topic, timeout);
            if (partitions == null || partitions.isEmpty()) {
                return 0;
            }
            List<TopicPartition> all = partitions.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            Map<TopicPartition, Long> begin = offsets.beginningOffsets(all, timeout);
            Map<TopicPartition, Long> end = offsets.endOffsets(all, timeout);
            return all.stream().mapToLong(tp -> end.get(tp) - begin.get(tp)).sum();
        }
    }

    /** Records the twin handled so far (applied, stale or rejected). */
    public synchronized long records() {
        return consumer == null ? 0 : consumer.records();
    }

    @Override
    public synchronized void close() {
        if (consumer != null) {
            consumer.close();
        }
    }
}
