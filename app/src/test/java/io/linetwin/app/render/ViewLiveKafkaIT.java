package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.broker.EmbeddedBroker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code view --live --kafka} like every other Kafka command: a missing broker is one line and exit 1 before any
 * window opens, a bad client properties file one line and exit 2, and on a broker the events topic is made when
 * missing (the window then follows it; software GL, nothing is shown).
 */
final class ViewLiveKafkaIT {

    private static final String FILE = "../scenarios/bottling-line.yaml";

    @TempDir
    Path dir;

    private record Run(int exit, String err) {}

    private static Run view(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new ViewCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        int exit = cli.execute(args);
        return new Run(exit, err.toString());
    }

    @Test
    void noBrokerIsOneLineAndABadClientFileIsBadInput() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        // --quit-after: a view that waited for a broker instead of failing would close, and fail the test, not hang it.
        Run closed = view(
                FILE,
                "--live",
                "--kafka",
                "127.0.0.1:" + port,
                "--software-gl",
                "--width",
                "320",
                "--height",
                "180",
                "--quit-after",
                "5s");
        assertThat(closed.exit()).isEqualTo(1);
        assertThat(closed.err().strip())
                .isEqualTo("no Kafka broker at 127.0.0.1:" + port + " (start one with: linetwin broker)");

        Run missingConfig = view(
                FILE,
                "--live",
                "--kafka",
                "127.0.0.1:" + port,
                "--kafka-config",
                dir.resolve("none.properties").toString(),
                "--software-gl");
        assertThat(missingConfig.exit()).isEqualTo(2);
        assertThat(missingConfig.err().strip())
                .isEqualTo(dir.resolve("none.properties") + ": no such Kafka client properties file");

        Path recording = Files.writeString(dir.resolve("recording.jsonl"), "");
        Run configWithoutKafka = view(
                FILE,
                "--live",
                "--replay",
                recording.toString(),
                "--kafka-config",
                dir.resolve("none.properties").toString(),
                "--software-gl");
        assertThat(configWithoutKafka.exit()).isEqualTo(2);
        assertThat(configWithoutKafka.err().strip()).isEqualTo("--kafka-config: only with --kafka");
    }

    @Test
    void theEventsTopicIsMadeWhenMissing() throws Exception {
        Path config = Files.writeString(dir.resolve("client.properties"), "client.id=linetwin-view-test\n");
        try (EmbeddedBroker broker = EmbeddedBroker.start(0, dir.resolve("kafka"));
                Admin admin =
                        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Run run = view(
                    FILE,
                    "--live",
                    "--kafka",
                    broker.bootstrapServers(),
                    "--topic",
                    "plant1.events",
                    "--kafka-config",
                    config.toString(),
                    "--software-gl",
                    "--width",
                    "320",
                    "--height",
                    "180",
                    "--quit-after",
                    "2s");

            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.err()).isEmpty();
            assertThat(admin.listTopics().names().get(60, TimeUnit.SECONDS)).contains("plant1.events");
        }
    }
}
