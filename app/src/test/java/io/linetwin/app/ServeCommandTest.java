package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve}'s bad input: one line and exit 2 before any server or Kafka client starts (a broker that does not
 * answer is BrokerCliIT's; the pages themselves are the dashboard module's tests).
 */
final class ServeCommandTest {

    private static final String SCENARIO =
            Scenarios.library().resolve("bottling-line.yaml").toString();

    @Test
    void aPortOutOfRangeIsBadInput() {
        Cli cli = Cli.run("serve", SCENARIO, "--embedded", "--port", "70000");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).isEqualTo("--port: expected 0..65535, got 70000");
    }

    @Test
    void aFeedIsNeededAndOnlyOne() {
        Cli none = Cli.run("serve", SCENARIO);
        Cli both = Cli.run("serve", SCENARIO, "--embedded", "--kafka", "127.0.0.1:9");

        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("--kafka", "--embedded");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aMissingScenarioOrAnUnknownLanguageIsBadInput(@TempDir Path dir) throws Exception {
        Cli missing = Cli.run("serve", dir.resolve("nope.yaml").toString(), "--embedded", "--port", "0");
        Cli language = Cli.run("serve", SCENARIO, "--embedded", "--port", "0", "--lang", "fr");

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.yaml");
        assertThat(language.exitCode()).isEqualTo(2);
        assertThat(language.err()).contains("--lang");
    }

    @Test
    void anUnreadableKafkaConfigIsBadInput(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), "no.such.kafka.setting=1\n");

        Cli cli = Cli.run(
                "serve", SCENARIO, "--kafka", "127.0.0.1:9", "--kafka-config", config.toString(), "--port", "0");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err().strip()).contains("no.such.kafka.setting").doesNotContain("\n");
    }
}
