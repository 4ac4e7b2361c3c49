package io.linetwin.twin.sync;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * LineTwin's topics and the one call every command that talks to Kafka makes first: {@link #ensure} creates
 * the missing ones and fails within its timeout, with one line, when no broker answers. Brokers here run
 * with {@code auto.create.topics.enable=false}: a typo in a topic name must not create a topic nobody reads.
 */
public final class Topics {

    /**
     * The events topic's partitions: events are keyed by line (one line's Things in one partition, so one process of
     * a twin group follows the whole line), and per-Thing order holds in any of them.
     */
    public static final int EVENT_PARTITIONS = 3;
    /** How long {@link #ensure(KafkaSettings, List)} waits for a broker unless {@code default.api.timeout.ms} says. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** A topic LineTwin uses: its name, partitions and topic configs. */
    public record Spec(String name, int partitions, Map<String, String> configs) {
        public Spec {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("topic name must not be blank");
            }
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1, got " + partitions);
            }
            configs = Map.copyOf(configs);
        }
    }

    private Topics() {}

    /** Ditto Protocol events of the lines, keyed by line id. */
    public static Spec events(String name) {
        return new Spec(name, EVENT_PARTITIONS, Map.of());
    }

    /** Modify commands to the line; one partition, so commands leave and arrive in one order. */
    public static Spec commands(String name) {
        return new Spec(name, 1, Map.of());
    }

    /** The line's answers to commands (Ditto responses and error responses). */
    public static Spec responses(String name) {
        return new Spec(name, 1, Map.of());
    }

    /** Messages the twin refused, with their reasons. */
    public static Spec deadLetters(String name) {
        return new Spec(name, 1, Map.of());
    }

    /** Every topic of LineTwin under its default name. */
    public static List<Spec> lineTwin() {
        return List.of(
                events(KafkaSettings.EVENTS_TOPIC),
                commands(KafkaSettings.COMMANDS_TOPIC),
                responses(KafkaSettings.RESPONSES_TOPIC),
                deadLetters(KafkaSettings.DEAD_LETTERS_TOPIC));
    }

    /**
     * Creates those of {@code topics} that do not exist (replication 1 on a single broker, else the broker's
     * default) and returns their names. Waits at most {@code default.api.timeout.ms} from the settings' extra
     * properties, else {@link #DEFAULT_TIMEOUT}.
     *
     * @throws KafkaUnavailableException no broker answered in time, or it refused the login or the request
     * @throws KafkaConfigException      the client settings are not usable (a malformed address, a bad property)
     */
    public static List<String> ensure(KafkaSettings settings, List<Spec> topics)
            throws KafkaUnavailableException, KafkaConfigException {
        long timeoutMs = Long.parseLong(settings.extra()
                .getOrDefault(
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(DEFAULT_TIMEOUT.toMillis())));
        Properties p = settings.forClient(KafkaSettings.Client.ADMIN, new Properties());
        long requestMs = Math.max(1000, Math.min(timeoutMs, 5000));
        p.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Long.toString(timeoutMs));
        p.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, Long.toString(requestMs));
        p.putIfAbsent(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MS_CONFIG, "1000");
        p.putIfAbsent(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "2000");
        p.putIfAbsent(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, "1000");
        Admin admin;
        try {
            admin = Admin.create(p);
        } catch (KafkaException e) {
            String why = rootMessage(e);
            if (why.contains("No resolvable bootstrap urls")) {
                throw unavailable(settings, e);
            }
            throw new KafkaConfigException("Kafka client settings for " + settings.bootstrapServers() + ": " + why);
        }
        try {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
            Set<String> existing = admin.listTopics().names().get(remaining(deadline), TimeUnit.NANOSECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (Spec spec : topics) {
                if (!existing.contains(spec.name())) {
                    missing.add(new NewTopic(
                                    spec.name(), java.util.Optional.of(spec.partitions()), java.util.Optional.empty())
                            .configs(spec.configs()));
                }
            }
            List<String> created = new ArrayList<>();
            var results = admin.createTopics(missing).values();
            for (NewTopic topic : missing) {
                try {
                    results.get(topic.name()).get(remaining(deadline), TimeUnit.NANOSECONDS);
                    created.add(topic.name());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
            return created;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AuthenticationException) {
                throw new KafkaUnavailableException(
                        "Kafka at " + settings.bootstrapServers() + " refused the login: " + rootMessage(cause), cause);
            }
            if (cause instanceof AuthorizationException) {
                throw new KafkaUnavailableException(
                        "Kafka at " + settings.bootstrapServers() + " did not allow listing or creating topics: "
                                + rootMessage(cause),
                        cause);
            }
            throw unavailable(settings, cause);
        } catch (java.util.concurrent.TimeoutException e) {
            throw unavailable(settings, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException(
                    "interrupted while reaching Kafka at " + settings.bootstrapServers(), e);
        } finally {
            admin.close(Duration.ofSeconds(1));
        }
    }

    /** The line every command prints when no broker answers. */
    public static String noBrokerMessage(String bootstrapServers) {
        return "no Kafka broker at " + bootstrapServers + " (start one with: linetwin broker)";
    }

    private static KafkaUnavailableException unavailable(KafkaSettings settings, Throwable cause) {
        return new KafkaUnavailableException(noBrokerMessage(settings.bootstrapServers()), cause);
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return String.valueOf(t.getMessage() != null ? t.getMessage() : e.getMessage());
    }
}
