package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** The cluster commands refuse what cannot work in one line, before a daemon starts (SparkClusterIT runs them). */
final class ClusterCommandTest {

    @Test
    void aWorkerNeedsAStandaloneMasterUrl() {
        Cli cli = Cli.run("cluster", "start-worker", "local[2]");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err().strip())
                .isEqualTo("linetwin: a worker joins a standalone master: expected "
                        + "spark://HOST:PORT, got \"local[2]\"");
    }

    @Test
    void aWorkerWithNothingToOfferIsRefused() {
        assertThat(Cli.run("cluster", "start-worker", "spark://127.0.0.1:7077", "--cores", "0")
                        .err()
                        .strip())
                .isEqualTo("linetwin: --cores: expected a count >= 1, got 0");
        assertThat(Cli.run("cluster", "start-worker", "spark://127.0.0.1:7077", "--memory", "lots")
                        .err()
                        .strip())
                .isEqualTo("linetwin: --memory: expected a size such as 512m or 4g, got \"lots\"");
    }

    @Test
    void aWorkerForAMasterThatIsNotThereStopsAtOnce() throws IOException {
        int closed = freePort();

        Cli cli = Cli.run("cluster", "start-worker", "spark://127.0.0.1:" + closed, "--host", "127.0.0.1");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.FAILURE);
        assertThat(cli.err().strip())
                .startsWith("linetwin: cannot reach the Spark master at 127.0.0.1:" + closed)
                .doesNotContain("\n");
    }

    @Test
    void aMasterOnATakenPortIsRefused() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli cli = Cli.run(
                    "cluster", "start-master", "--host", "127.0.0.1", "--port", Integer.toString(taken.getLocalPort()));

            assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(cli.err().strip())
                    .isEqualTo("linetwin: 127.0.0.1:" + taken.getLocalPort()
                            + " is taken (another master?); choose another --port");
        }
    }

    @Test
    void clusterAloneAsksForASubcommand() {
        Cli cli = Cli.run("cluster");

        assertThat(cli.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(cli.err()).contains("expected a subcommand: start-master or start-worker");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
