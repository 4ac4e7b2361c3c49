package io.linetwin.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.linetwin.app.CliAccess;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code linetwin live FILE --embedded}: broker, emulated line and loop in one process. With auto-approval inside
 * explicit limits and --send, the whole loop closes on its own: proposal, warning, command, confirmation. The health
 * monitor runs beside it with the shipped press model: its estimates go round through the line's events into the
 * loop's own twin as {@code health/rul}.
 */
final class LiveEmbeddedIT {

    @TempDir
    Path dir;

    @Test
    void theEmbeddedLineClosesTheLoopByItself() throws Exception {
        Path json = dir.resolve("live.json");
        CliAccess.Result run = CliAccess.run(
                "live",
                PressLine.library("press-line.yaml").toString(),
                "--embedded",
                "--speed",
                "1200",
                "--for",
                "3h",
                "--every",
                "1h",
                "--look-ahead",
                "2h",
                "--replications",
                "6",
                "--state",
                dir.resolve("state").toString(),
                "--send",
                "--auto-approve",
                "press.speed=0.6..1.0",
                "--poll",
                "100ms",
                "--json",
                json.toString());

        System.out.println(run.out());
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out())
                .contains("embedded: a Kafka broker at 127.0.0.1:")
                .contains("WARNING: --auto-approve approves without a person within press.speed=0.6..1")
                .contains("WARNING: P1 auto-approved without a person")
                .contains("P1 sent: press.speed 0.7→0.9")
                .contains("P1 confirmed")
                .containsPattern("health: watching press \\(press@[0-9a-f]{8}\\); estimates into the twin every 10 min")
                .containsPattern("\\d+ estimates written into the twin, \\d+ alarms");
        // The estimate the loop's twin holds came back as the press's own event: a remaining life of minutes to hours.
        java.util.regex.Matcher rul = java.util.regex.Pattern.compile(
                        "health: the twin's health/rul of press: (\\d+\\.\\d) h of operation")
                .matcher(run.out());
        assertThat(rul.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(rul.group(1))).isBetween(0.1, 48.0);
        JsonNode summary = new ObjectMapper().readTree(json.toFile());
        assertThat(summary.get("dryRun").asBoolean()).isFalse();
        assertThat(summary.get("lineHours").asDouble()).isGreaterThanOrEqualTo(3.0);
        // One round of estimates (one machine: the press) per 10 min of line time, and one as the monitor stops,
        // however the box's load stretches the wall time the run takes (a wall-time timer gave one every 2-3 min of
        // line time under load); the emulator may run a round or two past the loop's last hour before it stops.
        java.util.regex.Matcher written = java.util.regex.Pattern.compile("(\\d+) estimates written into the twin")
                .matcher(run.out());
        assertThat(written.find()).isTrue();
        assertThat(Long.parseLong(written.group(1)))
                .isBetween(1L, (long) Math.floor(summary.get("lineHours").asDouble() * 6) + 3);
        JsonNode p1 = summary.get("proposals").get(0);
        assertThat(p1.get("status").asText()).as(run.out()).isEqualTo("confirmed");
        assertThat(p1.get("approvedBy").asText()).isEqualTo("auto");
        // Approved at the first what-if: how much line time passed before the command left depends on the box (at
        // 1200x, a few wall seconds are an hour); under the default --min-before of 1h there is no "before" rate.
        JsonNode measured = p1.get("measured");
        double beforeHours = measured.get("beforeHours").asDouble();
        assertThat(measured.get("minBeforeHours").asDouble()).isEqualTo(1.0);
        if (beforeHours < 1.0) {
            assertThat(measured.get("before").isNull()).as(measured.toString()).isTrue();
            assertThat(measured.get("beforeMissing").asText())
                    .matches("not enough history before the change: \\S+ of 1h needed");
            assertThat(run.out()).contains("P1 measured on the line: not enough history before the change: ");
        } else {
            assertThat(measured.get("after").asDouble())
                    .isGreaterThan(measured.get("before").asDouble());
        }
    }
}
