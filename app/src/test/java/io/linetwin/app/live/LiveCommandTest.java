package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.app.CliAccess;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** live's bad input and a missing broker: one line each, before anything starts. */
final class LiveCommandTest {

    @TempDir
    Path dir;

    private static final String FILE = PressLine.library("press-line.yaml").toString();

    private CliAccess.Result live(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "live";
        all[1] = FILE;
        all[2] = "--state";
        all[3] = dir.resolve("state").toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliAccess.run(all);
    }

    @Test
    void optionsAreCheckedBeforeAnythingStarts() {
        assertThat(live("--kafka", "127.0.0.1:1", "--replications", "1").err().strip())
                .isEqualTo("--replications: expected >= 2 (a confidence interval needs two), got 1");
        assertThat(live("--kafka", "127.0.0.1:1", "--speed", "60").err().strip())
                .isEqualTo("--speed: only with --embedded (the emulated line's pace)");
        assertThat(live("--kafka", "127.0.0.1:1", "--no-health").err().strip())
                .startsWith("--no-health: only with --embedded");
        assertThat(live("--kafka", "127.0.0.1:1", "--objective", "speed").err().strip())
                .startsWith("--objective: expected one of [throughput, leadTime, wip, scrap]");
        assertThat(live("--kafka", "127.0.0.1:1", "--min-effect", "a lot").err().strip())
                .isEqualTo("--min-effect: expected a share like 1% or 0.01, got a lot");
        assertThat(live("--kafka", "127.0.0.1:1", "--auto-approve", "press.speed")
                        .err()
                        .strip())
                .startsWith("--auto-approve: expected STATION.PARAMETER=MIN..MAX");
        assertThat(live(
                                "--kafka",
                                "127.0.0.1:1",
                                "--json",
                                dir.resolve("no/such/folder/out.json").toString())
                        .exitCode())
                .isEqualTo(2);
        assertThat(live("--kafka", "127.0.0.1:1", "--every", "soon").exitCode()).isEqualTo(2);
        assertThat(Files.exists(dir.resolve("state"))).as("nothing was created").isFalse();
    }

    @Test
    void onlyOneLiveProcessFollowsAStateFolder() throws Exception {
        io.linetwin.loop.state.StateDir folder = io.linetwin.loop.state.StateDir.open(dir.resolve("state"));
        try (AutoCloseable held = folder.claimLive().orElseThrow()) {
            CliAccess.Result second = live("--kafka", "127.0.0.1:1");
            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err().strip()).endsWith("state: another linetwin live process follows this state folder");
        }
    }

    @Test
    void aClosedPortIsOneLineAndExit1() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        CliAccess.Result result = live("--kafka", "127.0.0.1:" + port);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err().strip())
                .isEqualTo("no Kafka broker at 127.0.0.1:" + port + " (start one with: linetwin broker)");
    }

    @Test
    void theLineComesFromKafkaOrTheEmbeddedBrokerNeverBothOrNeither() throws Exception {
        Path config = dir.resolve("client.properties");
        Files.writeString(config, "security.protocol=SASL_PLAINTEXT\n");

        CliAccess.Result neither = live();
        CliAccess.Result both = live("--kafka", "127.0.0.1:1", "--embedded");
        CliAccess.Result embeddedWithConfig = live("--embedded", "--kafka-config", config.toString());
        CliAccess.Result missingConfig = live(
                "--kafka",
                "127.0.0.1:1",
                "--kafka-config",
                dir.resolve("none.properties").toString());

        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err().strip())
                .isEqualTo("live: give --kafka HOST:PORT (the broker of the line's events) or "
                        + "--embedded (LineTwin's own broker and the emulated line), not neither");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).endsWith("not both");
        assertThat(embeddedWithConfig.exitCode()).isEqualTo(2);
        assertThat(embeddedWithConfig.err().strip()).startsWith("--kafka-config: only with --kafka");
        assertThat(missingConfig.exitCode()).isEqualTo(2);
        assertThat(missingConfig.err().strip()).contains("none.properties").doesNotContain("Exception");
        assertThat(Files.exists(dir.resolve("state"))).as("nothing was created").isFalse();
    }
}
