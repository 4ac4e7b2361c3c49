package io.linetwin.twin.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * Where the twin's Kafka traffic goes. Security and other client settings (TLS, SASL, timeouts) belong in
 * {@code extra}, read by the caller from a client properties file ({@link KafkaClientConfig}) or the
 * environment, never from scenario files.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param topic            events topic to read ({@code linetwin.twin.events}) or commands topic to write
 * @param groupId          consumer group of the twin (ignored by producers)
 * @param extra            further client properties, applied last; each client takes the ones it knows, and
 *                         keys starting with {@code linetwin.} are LineTwin's own settings
 */
public record KafkaSettings(String bootstrapServers, String topic, String groupId, Map<String, String> extra) {

    public static final String EVENTS_TOPIC = "linetwin.twin.events";
    public static final String COMMANDS_TOPIC = "linetwin.twin.commands";
    /** Where the emulated line answers commands (Ditto responses and error responses). */
    public static final String RESPONSES_TOPIC = "linetwin.twin.responses";
    /** Where the twin puts the messages it refused, with their reasons. */
    public static final String DEAD_LETTERS_TOPIC = "linetwin.twin.deadletters";

    /** The kinds of Kafka client LineTwin makes; each takes only its own properties from {@code extra}. */
    public enum Client {
        CONSUMER(ConsumerConfig.configNames()),
        PRODUCER(ProducerConfig.configNames()),
        ADMIN(AdminClientConfig.configNames());

        private final Set<String> names;

        Client(Set<String> names) {
            this.names = Set.copyOf(names);
        }

        public boolean knows(String key) {
            return names.contains(key);
        }
    }

    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("bootstrapServers must not be blank, got \"" + bootstrapServers + "\"");
        }
        Objects.requireNonNull(topic, "topic");
        if (topic.isBlank()) {
            throw new IllegalArgumentException("topic must not be blank, got \"" + topic + "\"");
        }
        Objects.requireNonNull(groupId, "groupId");
        extra = Map.copyOf(extra);
    }

    public static KafkaSettings of(String bootstrapServers, String topic, String groupId) {
        return new KafkaSettings(bootstrapServers, topic, groupId, Map.of());
    }

    public KafkaSettings withTopic(String newTopic) {
        return new KafkaSettings(bootstrapServers, newTopic, groupId, extra);
    }

    public KafkaSettings withGroupId(String newGroupId) {
        return new KafkaSettings(bootstrapServers, topic, newGroupId, extra);
    }

    /** The same settings with more {@code extra} properties (these win). */
    public KafkaSettings withExtra(Map<String, String> more) {
        Map<String, String> all = new java.util.HashMap<>(extra);
        all.putAll(more);
        return new KafkaSettings(bootstrapServers, topic, groupId, all);
    }

    /** {@code base} with the bootstrap servers and the {@code extra} properties {@code client} knows, applied last. */
    public Properties forClient(Client client, Properties base) {
        base.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        extra.forEach((key, value) -> {
            if (client.knows(key)) {
                base.put(key, value);
            }
        });
        return base;
    }

    /** A LineTwin setting from {@code extra} ({@code linetwin.*}), or {@code fallback}. */
    public String setting(String key, String fallback) {
        return extra.getOrDefault(key, fallback);
    }
}
