package io.linetwin.twin.sync;

import java.util.Map;
import java.util.Objects;
import java.util.Properties;

/**
 * Where the twin's Kafka traffic goes. Credentials, if any, belong in {@code extra} filled from the
 * environment by the caller, never in scenario files.
 *
 * @param bootstrapServers {@code host:port[,host:port]}
 * @param topic            events topic to read ({@code linetwin.twin.events}) or commands topic to write
 * @param groupId          consumer group of the twin (ignored by producers)
 * @param extra            further client properties, applied last
 */
public record KafkaSettings(String bootstrapServers, String topic, String groupId, Map<String, String> extra) {

    public static final String EVENTS_TOPIC = "linetwin.twin.events";
    public static final String COMMANDS_TOPIC = "linetwin.twin.commands";

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

    Properties withExtra(Properties base) {
        base.putAll(extra);
        return base;
    }
}
