package io.linetwin.app.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every line of Kafka's log reaches the file; the console names real errors only, in one line each. */
class KafkaLogRouterTest {

    private final ByteArrayOutputStream file = new ByteArrayOutputStream();
    private final StringWriter console = new StringWriter();
    private final PrintStream kafka = new PrintStream(
            new KafkaLogRouter(file, Path.of("/data/kafka.log"), new PrintWriter(console)),
            true,
            StandardCharsets.UTF_8);

    @Test
    void aSlowEventReportStaysInTheFile() {
        String slow = "2026-12-05T07:50:00.123Z [quorum-controller-1-event-handler] ERROR "
                + "org.apache.kafka.controller.EventPerformanceMonitor - [QuorumController id=1] Exceptionally slow "
                + "controller event maybeFenceStaleBroker took 2060 ms.";
        kafka.println(slow);

        assertThat(console.toString()).isEmpty();
        assertThat(file.toString(StandardCharsets.UTF_8)).isEqualTo(slow + System.lineSeparator());
    }

    @Test
    void aRealErrorIsNamedOnTheConsoleWithTheFileAndItsStackTraceStaysInTheFile() {
        kafka.println("2026-12-05T07:50:01.000Z [kafka-log-cleaner-thread-0] ERROR kafka.log.LogManager - "
                + "Shutdown broker because all log dirs in /data/log have failed");
        kafka.println("java.io.IOException: No space left on device");
        kafka.println("\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)");
        kafka.println("2026-12-05T07:50:01.001Z [main] WARN org.apache.kafka.clients.Metadata - a warning");

        assertThat(console.toString())
                .isEqualTo("broker: Kafka reports an error: Shutdown broker because all log dirs in /data/log have "
                        + "failed (Kafka's log: /data/kafka.log)" + System.lineSeparator());
        assertThat(file.toString(StandardCharsets.UTF_8).lines()).hasSize(4);
    }
}
