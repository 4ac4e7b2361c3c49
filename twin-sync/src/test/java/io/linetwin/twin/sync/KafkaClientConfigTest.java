package io.linetwin.twin.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class KafkaClientConfigTest {

    @TempDir
    Path dir;

    private Path file(String content) throws Exception {
        return Files.writeString(dir.resolve("client.properties"), content);
    }

    @Test
    void standardClientPropertiesAreRead() throws Exception {
        Path f = file("# SASL over TLS\nsecurity.protocol=SASL_SSL\nsasl.mechanism = PLAIN\n"
                + "sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required \\\n"
                + "    username=\"u\" password=\"p\";\nrequest.timeout.ms=5000\n");

        assertThat(KafkaClientConfig.load(f))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "PLAIN")
                .containsEntry("request.timeout.ms", "5000")
                .containsKey("sasl.jaas.config")
                .hasSize(4);
    }

    @Test
    void anUnknownPropertyIsNamedWithItsLine() throws Exception {
        Path f = file("security.protocol=SSL\nssl.trustsore.location=/etc/ts.jks\n");

        assertThatThrownBy(() -> KafkaClientConfig.load(f))
                .isInstanceOf(KafkaConfigException.class)
                .hasMessage(
                        f + ":2 ssl.trustsore.location: not a property of Kafka's consumer, producer or admin client");
    }

    @Test
    void propertiesLineTwinSetsItselfAreRefused() throws Exception {
        Path f = file("enable.auto.commit=true\n");

        assertThatThrownBy(() -> KafkaClientConfig.load(f))
                .isInstanceOf(KafkaConfigException.class)
                .hasMessage(f
                        + ":1 enable.auto.commit: not allowed here, the twin commits offsets only after applying them");
    }

    @Test
    void aMissingFileIsOneLine() {
        Path f = dir.resolve("nope.properties");

        assertThatThrownBy(() -> KafkaClientConfig.load(f))
                .isInstanceOf(KafkaConfigException.class)
                .hasMessage(f + ": no such Kafka client properties file");
    }
}
