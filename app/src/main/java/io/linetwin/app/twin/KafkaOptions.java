package io.linetwin.app.twin;

import io.linetwin.twin.sync.KafkaClientConfig;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.Topics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options every command that talks to Kafka shares ({@code @Mixin}): where the brokers are, a Kafka client
 * properties file for TLS, SASL and timeouts, and {@code --verbose} for Kafka's own logging. {@link #connect}
 * is the first thing such a command does: it creates the missing topics and, when no broker answers, fails
 * within seconds with one line instead of waiting.
 */
public final class KafkaOptions {

    /** Kafka's loggers, quiet (ERROR) unless --verbose; see simplelogger.properties. */
    private static final List<String> KAFKA_LOGGERS =
            List.of("org.apache.kafka", "kafka", "state.change.logger", "org.apache.kafka.clients.NetworkClient");

    @Option(
            names = "--kafka",
            paramLabel = "HOST:PORT",
            description = "Kafka bootstrap servers (host:port[,host:port]).")
    String bootstrap;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "Kafka client properties file (standard keys of Kafka's Java clients: security.protocol, "
                    + "sasl.*, ssl.*, timeouts), for TLS and SASL.")
    Path config;

    @Option(names = "--verbose", description = "Show Kafka's own log (quiet by default).")
    boolean verbose;

    /** The bootstrap servers; a one-line reason when --kafka is missing or blank. */
    public String bootstrap() throws KafkaConfigException {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new KafkaConfigException(
                    "--kafka: expected HOST:PORT of a Kafka broker (start one with: linetwin broker)");
        }
        return bootstrap.strip();
    }

    public boolean given() {
        return bootstrap != null;
    }

    /** The --kafka-config file, when one was given. */
    public Optional<Path> configFile() {
        return Optional.ofNullable(config);
    }

    public boolean verbose() {
        return verbose;
    }

    /** Settings for one topic and consumer group, with the client properties of --kafka-config. */
    public KafkaSettings settings(String topic, String groupId) throws KafkaConfigException {
        Map<String, String> extra = config == null ? Map.of() : KafkaClientConfig.load(config);
        return new KafkaSettings(bootstrap(), topic, groupId, extra);
    }

    /**
     * Applies --verbose, then creates whichever of {@code topics} are missing: the one step after which the
     * command knows a broker is there.
     */
    public void connect(KafkaSettings settings, List<Topics.Spec> topics)
            throws KafkaUnavailableException, KafkaConfigException {
        applyLogging(verbose);
        Topics.ensure(settings, topics);
    }

    /** Kafka's loggers at INFO with {@code verbose}; must run before the first Kafka client or broker starts. */
    public static void applyLogging(boolean verbose) {
        if (verbose) {
            for (String logger : KAFKA_LOGGERS) {
                System.setProperty("org.slf4j.simpleLogger.log." + logger, "info");
            }
        }
    }
}
