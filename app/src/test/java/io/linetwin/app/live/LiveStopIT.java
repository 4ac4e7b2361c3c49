package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linetwin live} runs until stopped, so Ctrl-C (here SIGTERM, which takes the same path) is how it ends: the
 * loop stops, the --json summary is written and the last line says where the line was. Before, the signal's
 * interrupt escaped the loop and the process ended with "stopped before the end; no output was written".
 */
final class LiveStopIT {

    @TempDir
    Path dir;

    @Test
    void aSignalEndsTheLoopWithItsSummary() throws Exception {
        Path json = dir.resolve("live.json");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process live = new ProcessBuilder(List.of(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        classPath,
                        "io.linetwin.app.Main",
                        "live",
                        PressLine.library("press-line.yaml").toString(),
                        "--embedded",
                        "--no-health",
                        "--speed",
                        "600",
                        "--look-ahead",
                        "1h",
                        "--replications",
                        "4",
                        "--threads",
                        "1",
                        "--state",
                        dir.resolve("state").toString(),
                        "--json",
                        json.toString()))
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile())
                .start();
        try {
            Await.until(
                    "the first what-if",
                    Duration.ofSeconds(180),
                    () -> read("out").contains("what-if (start)"));
        } finally {
            live.destroy();
            assertThat(live.waitFor(120, TimeUnit.SECONDS)).as("stopped").isTrue();
        }

        String out = read("out");
        String err = read("err");
        // The line's time to the second (its clock interpolates between events to the nanosecond).
        assertThat(out)
                .as(err)
                .containsPattern("live: stopped at \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ \\(line time\\)")
                .contains("; summary in " + json);
        assertThat(err).doesNotContain("stopped before the end").doesNotContain("Exception");
        assertThat(out).as("--no-health").doesNotContain("health:").doesNotContain("estimates written");
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("whatIfs").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(summary.get("twin").get("status").asText()).isEqualTo("ok");
        assertThat(summary.get("twin").get("applied").asLong()).isPositive();
    }

    private String read(String name) {
        try {
            return Files.readString(dir.resolve(name));
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
