package io.linetwin.twin.sync;

import io.linetwin.twin.DittoMessages;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.UnaryOperator;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.ditto.base.model.entity.id.WithEntityId;
import org.eclipse.ditto.base.model.signals.Signal;

/**
 * Publishes Ditto Protocol JSON to one topic with an idempotent producer (no duplicates from producer
 * retries, per-partition order kept). The key is the entity id, so all messages of one Thing land in
 * one partition and stay in order. Used for modify commands to the line and by the line emulator for
 * its events.
 */
public final class KafkaSignalPublisher implements SignalSink {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final UnaryOperator<String> keyOfEntity;

    /** Keyed by entity id (Thing id): per-Thing order. */
    public KafkaSignalPublisher(KafkaSettings settings) {
        this(settings, UnaryOperator.identity());
    }

    /**
     * Keyed by {@code keyOfEntity} of the entity id; e.g. the line of each Thing for the events topic, so that one
     * line's Things share a partition and one process of a group follows the whole line (per-Thing order holds too,
     * as a Thing never changes lines).
     */
    public KafkaSignalPublisher(KafkaSettings settings, UnaryOperator<String> keyOfEntity) {
        this.keyOfEntity = Objects.requireNonNull(keyOfEntity, "keyOfEntity");
        this.topic = settings.topic();
        Properties p = new Properties();
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        this.producer = new KafkaProducer<>(settings.forClient(KafkaSettings.Client.PRODUCER, p));
    }

    @Override
    public CompletionStage<Void> send(Signal<?> signal) {
        String key = signal instanceof WithEntityId withId
                ? keyOfEntity.apply(withId.getEntityId().toString())
                : null;
        return publish(key, DittoMessages.toJson(signal), new RecordHeaders()).thenApply(m -> null);
    }

    /** Publishes ready-made Ditto Protocol JSON (replays, benchmarks) under {@code key}. */
    public CompletableFuture<RecordMetadata> publish(String key, String dittoProtocolJson, RecordHeaders headers) {
        Objects.requireNonNull(dittoProtocolJson, "dittoProtocolJson");
        CompletableFuture<RecordMetadata> done = new CompletableFuture<>();
        producer.send(new ProducerRecord<>(topic, null, key, dittoProtocolJson, headers), (metadata, error) -> {
            if (error != null) {
                done.completeExceptionally(error);
            } else {
                done.complete(metadata);
            }
        });
        return done;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
