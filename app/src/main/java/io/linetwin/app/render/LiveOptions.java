package io.linetwin.app.render;

import io.linetwin.app.twin.KafkaOptions;
import io.linetwin.model.LineSpec;
import io.linetwin.twin.sync.KafkaClientConfig;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaSettings;
import io.linetwin.twin.sync.KafkaUnavailableException;
import io.linetwin.twin.sync.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.ditto.things.model.ThingId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** Where {@code view --live} reads the twin from: exactly one of a Kafka topic, a recording, a snapshot file. */
final class LiveOptions {

    @Option(
            names = "--live",
            required = true,
            description = "Follow the live twin instead of simulating (needs --kafka, --replay or --twin-snapshot).")
    boolean live;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @Option(
                names = "--kafka",
                paramLabel = "HOST:PORT",
                description = "Kafka bootstrap servers of the twin's events.")
        String kafka;

        @Option(
                names = "--replay",
                paramLabel = "FILE",
                description = "A recording of Ditto Protocol messages to play.")
        Path replay;

        @Option(
                names = "--twin-snapshot",
                paramLabel = "SNAPSHOT.json",
                description = "A twin snapshot file (linetwin/twin-snapshot/v1), read again whenever it changes.")
        Path snapshot;
    }

    @Option(
            names = "--topic",
            paramLabel = "T",
            defaultValue = KafkaSettings.EVENTS_TOPIC,
            description = "With --kafka: the events topic (default ${DEFAULT-VALUE}).")
    String topic;

    @Option(
            names = "--kafka-config",
            paramLabel = "FILE",
            description = "With --kafka: Kafka client properties file (security.protocol, sasl.*, ssl.*, timeouts).")
    Path kafkaConfig;

    @Option(names = "--verbose", description = "With --kafka: show Kafka's own log (quiet by default).")
    boolean verbose;

    @Option(
            names = "--replay-speed",
            paramLabel = "X",
            defaultValue = "1",
            description = "With --replay: recording seconds per wall second (default 1).")
    double replaySpeed;

    @Option(
            names = "--poll",
            paramLabel = "D",
            defaultValue = "1s",
            description = "With --twin-snapshot: how often the file is checked (default 1s).")
    String poll;

    @Option(
            names = "--refresh",
            paramLabel = "D",
            defaultValue = "200ms",
            description = "Shortest time between two pictures of the twin (default 200ms).")
    String refresh;

    @Option(
            names = "--risk-horizon",
            paramLabel = "D",
            defaultValue = "48h",
            description = "Look-ahead of the health lamps' failure risk (default 48h).")
    String riskHorizon;

    /**
     * The twin fed from the chosen source, checked as far as it can be before anything starts. With --kafka the
     * events topic is created when missing, and a broker that does not answer is one line within seconds
     * ({@link KafkaUnavailableException}), before a window opens.
     */
    LiveTwin twin(LineSpec line) throws RenderInputException, KafkaUnavailableException {
        try {
            ThingId.of(line.id());
        } catch (RuntimeException e) {
            throw new RenderInputException("--live: line.id must be a Ditto thing id like \"plant1:bottling\" to "
                    + "match the twin's things, got \"" + line.id() + "\"");
        }
        if (source.kafka != null) {
            if (source.kafka.isBlank() || topic.isBlank()) {
                throw new RenderInputException("--kafka/--topic: expected HOST:PORT and a topic, got \"" + source.kafka
                        + "\" and \"" + topic + "\"");
            }
            KafkaSettings settings;
            try {
                Map<String, String> client = kafkaConfig == null ? Map.of() : KafkaClientConfig.load(kafkaConfig);
                // A group of this viewer's own: it reads the whole history, and other consumers keep their partitions.
                settings = new KafkaSettings(source.kafka.strip(), topic, "linetwin-view-" + UUID.randomUUID(), client);
                KafkaOptions.applyLogging(verbose);
                Topics.ensure(settings, List.of(Topics.events(topic)));
            } catch (KafkaConfigException e) {
                throw new RenderInputException(e.getMessage());
            }
            return LiveTwin.kafka(line, settings);
        }
        if (kafkaConfig != null) {
            throw new RenderInputException("--kafka-config: only with --kafka");
        }
        if (source.replay != null) {
            requireFile("--replay", source.replay);
            if (!(replaySpeed > 0)) {
                throw new RenderInputException("--replay-speed: expected > 0, got " + replaySpeed);
            }
            return LiveTwin.replay(line, source.replay, replaySpeed);
        }
        requireFile("--twin-snapshot", source.snapshot);
        return LiveTwin.polled(line, source.snapshot, duration("--poll", poll));
    }

    /**
     * The files named here must exist: checked before the display, so that a mistyped recording is the one line
     * that names it, wherever the command runs; the broker is only tried once a window can open.
     */
    void checkFiles() throws RenderInputException {
        if (source.replay != null) {
            requireFile("--replay", source.replay);
        }
        if (source.snapshot != null) {
            requireFile("--twin-snapshot", source.snapshot);
        }
    }

    Duration refreshEvery() throws RenderInputException {
        return duration("--refresh", refresh);
    }

    double riskHorizonSeconds() throws RenderInputException {
        return duration("--risk-horizon", riskHorizon).toMillis() / 1000.0;
    }

    private static Duration duration(String option, String text) throws RenderInputException {
        double seconds = RenderScenario.seconds(option, text);
        if (!(seconds > 0)) {
            throw new RenderInputException(option + ": expected a duration > 0, got " + text);
        }
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static void requireFile(String option, Path file) throws RenderInputException {
        if (!Files.isRegularFile(file)) {
            throw new RenderInputException(option + " " + file + ": no such file");
        }
    }
}
