package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code twin follow} stopped as a user stops it (Ctrl-C or SIGTERM: the JVM's shutdown hooks). The signal both ends
 * the follower's loop and interrupts the command; an interrupt that reached the Kafka clients while the twin closed
 * printed Kafka's "Interrupted while joining ioThread" with its stack trace and "linetwin:
 * org.apache.kafka.common.errors.InterruptException", and the last table never came (seen in one of two runs of the
 * README's steps). Stopped at several moments, it must end with its last table and snapshot line every time. No
 * event comes on this topic, so no checkpoint is written: the snapshot line says so (it used to name the file).
 */
final class TwinFollowStopIT {

    private static final Pattern READY = Pattern.compile("Kafka broker ready at (\\S+) ");
    private static final String SCENARIO =
            Path.of("..", "scenarios", "bottling-line.yaml").toString();

    @TempDir
    Path dir;

    @Test
    void aSignalEndsTheFollowerWithItsLastTableAndNoStackTrace() throws Exception {
        Path snapshot = dir.resolve("twin.json");
        try (ChildCli broker = ChildCli.start(
                dir.resolve("broker.log"),
                "broker",
                "--port",
                "0",
                "--data",
                dir.resolve("data").toString())) {
            Matcher ready = READY.matcher(broker.awaitLine(l -> READY.matcher(l).find()));
            assertThat(ready.find()).isTrue();
            String servers = ready.group(1);
            for (int run = 0; run < 3; run++) {
                Path log = dir.resolve("follow-" + run + ".log");
                try (ChildCli follow = ChildCli.start(
                        log,
                        "twin",
                        "follow",
                        SCENARIO,
                        "--kafka",
                        servers,
                        "--kafka-config",
                        ChildCli.patientKafka(dir).toString(),
                        "--snapshot-out",
                        snapshot.toString(),
                        "--every",
                        "200ms")) {
                    follow.awaitLine(l -> l.startsWith("following "));
                    // Stop it at a different moment of its cycle each time: right away, mid-interval, after tables.
                    Thread.sleep(run * 350L);
                    follow.terminate();
                    String out = follow.output();
                    assertThat(out)
                            .as(out)
                            .doesNotContain("Exception")
                            .doesNotContain("ERROR")
                            .doesNotContain("linetwin:")
                            .contains("twin stopped")
                            .contains("snapshot: none written to " + snapshot + " (no event came)");
                    assertThat(snapshot).doesNotExist();
                }
            }
            broker.terminate();
        }
    }
}
