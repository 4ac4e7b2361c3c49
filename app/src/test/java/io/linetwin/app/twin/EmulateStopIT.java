package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.twin.sync.KafkaSettings;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code emulate} runs until stopped; Ctrl-C or SIGTERM is how it ends. It said "linetwin: stopped before the end
 * (interrupted); no output was written or changed", the message of a command cut short, though nothing was: the
 * events it published are on the topic. Now it says where the line stopped.
 */
final class EmulateStopIT {

    private static final Pattern READY = Pattern.compile("Kafka broker ready at (\\S+) ");
    /** One chunk or many: how many went out before the signal is the machine's speed (the summary counts nouns). */
    private static final Pattern STOPPED =
            Pattern.compile("stopped: (\\d+) events? in (\\d+) chunks? up to 20\\S+, 0 commands \\(0 refused\\)");

    private static final String SCENARIO =
            Path.of("..", "scenarios", "bottling-line.yaml").toString();

    @TempDir
    Path dir;

    private static void awaitRecords(String servers, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + ChildCli.PATIENCE.toNanos();
        while (TopicRecords.count(servers, topic) == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("nothing was published on " + topic);
            }
            Thread.sleep(50);
        }
    }

    @Test
    void aSignalStopsTheLineAndSaysWhereItStopped() throws Exception {
        try (ChildCli broker = ChildCli.start(
                dir.resolve("broker.log"),
                "broker",
                "--port",
                "0",
                "--data",
                dir.resolve("data").toString())) {
            Matcher ready = READY.matcher(broker.awaitLine(l -> READY.matcher(l).find()));
            assertThat(ready.find()).isTrue();
            try (ChildCli emulate = ChildCli.start(
                    dir.resolve("emulate.log"),
                    "emulate",
                    SCENARIO,
                    "--kafka",
                    ready.group(1),
                    "--kafka-config",
                    ChildCli.patientKafka(dir).toString(),
                    "--speed",
                    "600")) {
                emulate.awaitLine(l -> l.startsWith("emulating plant1:bottling from "));
                // Stopped once the line published something (a fixed pause published nothing on a slow machine).
                awaitRecords(ready.group(1), KafkaSettings.EVENTS_TOPIC);
                emulate.terminate();
                String out = emulate.output();
                assertThat(out)
                        .as(out)
                        .doesNotContain("stopped before the end")
                        .doesNotContain("Exception")
                        .doesNotContain("ERROR");
                Matcher stopped = STOPPED.matcher(out);
                assertThat(stopped.find()).as(out).isTrue();
                assertThat(Long.parseLong(stopped.group(1))).isPositive();
            }
            broker.terminate();
        }
    }
}
