package io.linetwin.loop.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.loop.proposal.CommandRecord;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaSignalPublisher;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The commands topic: Ditto Protocol {@code modify} commands keyed by Thing id, sent with the idempotent producer
 * ({@code acks=all}), so an acknowledged command is on the topic. {@link #delivered} reads the topic from its start
 * and collects the correlation ids it finds.
 */
public final class KafkaCommandChannel implements CommandChannel {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KafkaSettings settings;
    private final KafkaSignalPublisher publisher;
    private final Duration timeout;

    public KafkaCommandChannel(KafkaSettings settings, Duration timeout) {
        this.settings = settings;
        this.timeout = timeout;
        Map<String, String> extra = new java.util.HashMap<>(settings.extra());
        extra.putIfAbsent("max.block.ms", Long.toString(timeout.toMillis()));
        extra.putIfAbsent("delivery.timeout.ms", Long.toString(Math.max(timeout.toMillis(), 1000) + 1000));
        extra.putIfAbsent("request.timeout.ms", Long.toString(Math.max(timeout.toMillis(), 1000)));
        this.publisher = new KafkaSignalPublisher(
                new KafkaSettings(settings.bootstrapServers(), settings.topic(), settings.groupId(), extra));
    }

    @Override
    public void send(CommandRecord command) throws Exception {
        publisher
                .send(LineCommands.modify(command))
                .toCompletableFuture()
                .get(timeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
    }

    @Override
    public Set<String> delivered(Collection<String> commandIds) throws IOException {
        Set<String> wanted = new HashSet<>(commandIds);
        Set<String> found = new HashSet<>();
        if (wanted.isEmpty()) {
            return found;
        }
        Properties p = settings.forClient(KafkaSettings.Client.CONSUMER, new Properties());
        p.remove(ConsumerConfig.GROUP_ID_CONFIG);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeout.toMillis()));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(settings.topic(), timeout);
            if (partitions == null || partitions.isEmpty()) {
                return found;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(info -> new TopicPartition(settings.topic(), info.partition()))
                    .toList();
            consumer.assign(assigned);
            consumer.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, timeout);
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("could not read the commands topic " + settings.topic() + " to its end in "
                            + timeout.toSeconds() + " s");
                }
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    correlationId(record.value()).filter(wanted::contains).ifPresent(found::add);
                }
            }
        }
        return found;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static java.util.Optional<String> correlationId(String json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            JsonNode id = node == null ? null : node.path("headers").get("correlation-id");
            return id != null && id.isTextual() ? java.util.Optional.of(id.asText()) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public void close() {
        publisher.close();
    }
}
