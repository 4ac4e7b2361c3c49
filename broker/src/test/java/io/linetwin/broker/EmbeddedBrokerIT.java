package io.linetwin.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class EmbeddedBrokerIT {

    @TempDir
    Path dir;

    private static void produce(String servers, String topic, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            for (String v : values) {
                producer.send(new ProducerRecord<>(topic, v, v)).get();
            }
        }
    }

    private static List<String> readAll(String servers, String topic, int expected) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition partition = new TopicPartition(topic, 0);
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // The deadline only stops a hang on a loaded machine; it measures nothing.
            long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    @Test
    void recordsSurviveAStopAndAStartOnTheSameDataFolder() throws Exception {
        Path data = dir.resolve("data");
        int port;
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, data)) {
            port = broker.port();
            broker.createTopic("kept", 1);
            produce(broker.bootstrapServers(), "kept", List.of("a", "b", "c"));
        }
        try (EmbeddedBroker again = EmbeddedBroker.start(port, data)) {
            assertThat(again.bootstrapServers()).isEqualTo("127.0.0.1:" + port);
            produce(again.bootstrapServers(), "kept", List.of("d"));
            assertThat(readAll(again.bootstrapServers(), "kept", 4)).containsExactly("a", "b", "c", "d");
        }
    }

    @Test
    void aPortInUseIsRefusedWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> EmbeddedBroker.start(taken.getLocalPort(), dir.resolve("data")))
                    .isInstanceOf(BrokerException.class)
                    .hasMessage(
                            "port " + taken.getLocalPort() + " on 127.0.0.1 is in use (another broker? try --port)");
        }
    }

    @Test
    void aSaslPlainListenerAcceptsItsUsersOnly() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.builder(dir.resolve("data"))
                .saslPlain(Map.of("alice", "alice-secret"))
                .start()) {
            broker.createTopic("secured", 1);
            String sasl = broker.saslBootstrapServers().orElseThrow();
            assertThat(sasl).isNotEqualTo(broker.bootstrapServers());
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, sasl);
            p.put("security.protocol", "SASL_PLAINTEXT");
            p.put("sasl.mechanism", "PLAIN");
            p.put(
                    "sasl.jaas.config",
                    "org.apache.kafka.common.security.plain.PlainLoginModule required "
                            + "username=\"alice\" password=\"alice-secret\";");
            try (KafkaProducer<String, String> producer =
                    new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("secured", "k", "via sasl")).get();
            }
            assertThat(readAll(broker.bootstrapServers(), "secured", 1)).containsExactly("via sasl");
        }
    }
}
