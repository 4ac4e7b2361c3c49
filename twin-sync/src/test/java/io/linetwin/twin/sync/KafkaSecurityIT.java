package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.broker.EmbeddedBroker;
import io.linetwin.twin.LineDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The twin through a broker listener that requires SASL/PLAIN, configured by a client properties file. */
final class KafkaSecurityIT {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private Path clientConfig(String user, String password) throws Exception {
        return Files.writeString(
                dir.resolve(user + "-" + password.length() + ".properties"),
                String.join(
                        "\n",
                        "security.protocol=SASL_PLAINTEXT",
                        "sasl.mechanism=PLAIN",
                        "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\",
                        "  username=\"" + user + "\" password=\"" + password + "\";",
                        "default.api.timeout.ms=5000",
                        ""));
    }

    @Test
    void theTwinReadsAndWritesThroughASaslListenerAndAWrongPasswordIsOneLine() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder(dir.resolve("kafka"))
                .saslPlain(Map.of("twin", "twin-secret"))
                .start()) {
            String sasl = broker.saslBootstrapServers().orElseThrow();
            Map<String, String> extra = KafkaClientConfig.load(clientConfig("twin", "twin-secret"));
            KafkaSettings settings = new KafkaSettings(sasl, "secured.events", "twin-sasl", extra);

            assertThat(Topics.ensure(settings, List.of(Topics.events("secured.events"))))
                    .containsExactly("secured.events");
            LineDescriptor line = Traffic.line(3);
            List<Traffic.Message> messages = new Traffic(line, 4).next(500);
            try (KafkaSignalPublisher publisher = new KafkaSignalPublisher(settings);
                    KafkaTwin twin = KafkaTwin.builder(line, settings).start()) {
                List<CompletableFuture<?>> sent = new ArrayList<>();
                messages.forEach(m -> sent.add(publisher.publish(m.key(), m.json(), new RecordHeaders())));
                CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                while (twin.store().stats().applied() < messages.size() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                assertThat(twin.store().stats().applied()).isEqualTo(messages.size());
            }

            KafkaSettings wrong = new KafkaSettings(
                    sasl, "secured.events", "twin-sasl", KafkaClientConfig.load(clientConfig("twin", "guess")));
            assertThatThrownBy(() -> Topics.ensure(wrong, List.of(Topics.events("secured.events"))))
                    .isInstanceOf(KafkaUnavailableException.class)
                    .hasMessageStartingWith("Kafka at " + sasl + " refused the login: ");
        }
    }
}
