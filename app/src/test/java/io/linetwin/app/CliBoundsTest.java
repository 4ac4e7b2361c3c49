package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's hangs and overflows through the CLI: each request beyond what can run is refused at once with one
 * line and exit 2 (before: hours of silence, a GC spiral, or two frames for four billion seconds).
 */
final class CliBoundsTest {

    private static final Path LINE = Scenarios.library().resolve("textbook-two-machine.yaml");

    @TempDir
    Path dir;

    @Test
    void aHorizonOfAMillionDaysIsRefused() {
        Cli cli = Cli.run("run", LINE.toString(), "--horizon", "1e6d");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo("--horizon 1e6d: experiment warm-up and horizon must add up to at most "
                        + "36,500 days (100 years), got 1.00e+06 days\n");
    }

    @Test
    void aHorizonThatNeedsTooManyEventsIsRefused() {
        Cli cli = Cli.run("run", LINE.toString(), "--horizon", "30000d", "--replications", "10000");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .startsWith(
                        "--horizon 30000d --replications 10000: the experiment would need about " + "2.1e+14 events");
    }

    @Test
    void aBillionReplicationsAreRefused() {
        Cli cli = Cli.run("run", LINE.toString(), "--replications", "1000000000");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err())
                .isEqualTo(
                        "--replications 1000000000: experiment replications must be <= 10000, got " + "1000000000\n");
    }

    @Test
    void renderingAnInstantABillionDaysAwayIsRefused() {
        Cli cli =
                Cli.run("render", LINE.toString(), "--out", dir.resolve("x.png").toString(), "--at", "1e9d");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("--at 1e9d: expected at most 36500d (the limit of what runs)\n");
    }

    @Test
    void aFrameCountBeyondAnIntIsRefusedNotWrappedAround() {
        Cli cli = Cli.run(
                "render",
                LINE.toString(),
                "--frames",
                dir.resolve("f").toString(),
                "--from",
                "1h",
                "--to",
                "2h",
                "--fps",
                "1",
                "--duration",
                "4294967298s");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("--duration 4294967298s: at most 10000 frames at --fps 1, got 4294967298\n");
        assertThat(dir.resolve("f")).doesNotExist();
    }

    @Test
    void tooManyThreadsAreRefused() {
        Cli cli = Cli.run("run", LINE.toString(), "--threads", "100000000");

        assertThat(cli.exitCode()).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("--threads: expected a count in [1, 1024], got 100000000\n");
    }
}
