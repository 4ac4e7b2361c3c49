package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptors;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Hostile commands from a seeded generator into the emulated line's command check: nothing escapes but an
 * accepted change within the equipment's limits or a refusal with a reason, and no accepted value ever leaves
 * [min, max] or jumps more than maxStep.
 */
final class ParameterCommandsFuzzTest {

    private static final List<String> VALUES = List.of(
            "1.1",
            "1.0",
            "0.9",
            "1.2",
            "0.6",
            "1.5",
            "-1",
            "0",
            "1e300",
            "1e999",
            "null",
            "\"fast\"",
            "[]",
            "{}",
            "true",
            "1.15",
            "1.05");
    private static final List<String> TOPICS = List.of(
            "plant1/bottling.filler/things/twin/commands/modify",
            "plant1/bottling.filler/things/live/commands/modify",
            "plant1/bottling.filler/things/twin/commands/merge",
            "plant1/bottling.depal/things/twin/commands/modify",
            "plant1/bottling.nothere/things/twin/commands/modify",
            "plant1/other.filler/things/twin/commands/modify",
            "plant1/bottling.filler/things/twin/events/modified",
            "plant1/bottling.filler/policies/commands/modify",
            "garbage",
            "");
    private static final List<String> PATHS = List.of(
            "/features/parameters/properties/speed",
            "/features/parameters/properties/glue",
            "/features/status/properties/state",
            "/features/parameters",
            "/attributes/limits/speed/max",
            "/",
            "");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void nothingEscapesAndNoAcceptedValueLeavesTheLimits(long seed) throws Exception {
        Random random = new Random(seed);
        LineSpec line = LineEmulatorTest.bottling();
        Instant[] now = {Instant.parse("2026-11-30T06:00:00Z")};
        ParameterCommands commands = new ParameterCommands(
                line,
                LineDescriptors.of(line),
                ParameterCommands.scenarioValues(line),
                Duration.ofSeconds(30),
                () -> now[0]);
        double speed = 1.0;
        int accepted = 0;
        for (int i = 0; i < 3_000; i++) {
            now[0] = now[0].plusSeconds(random.nextInt(20));
            String message = random.nextInt(4) == 0
                    ? DittoMessages.toJson(DittoMessages.modifyProperty(
                            ThingId.of("plant1:bottling.filler"),
                            "parameters",
                            "speed",
                            JsonValue.of(0.6 + random.nextInt(7) / 10.0),
                            "c" + i))
                    : "{\"topic\":\"" + TOPICS.get(random.nextInt(TOPICS.size()))
                            + "\",\"headers\":{\"correlation-id\":\"c"
                            + i + "\"},\"path\":\"" + PATHS.get(random.nextInt(PATHS.size())) + "\",\"value\":"
                            + VALUES.get(random.nextInt(VALUES.size())) + "}";
            if (random.nextInt(10) == 0) {
                message = message.substring(0, random.nextInt(message.length()));
            }
            ParameterCommands.Parsed parsed;
            try {
                parsed = commands.parse(message);
            } catch (Throwable t) {
                fail("command " + i + " escaped with " + t + ": " + message, t);
                return;
            }
            assertThat(parsed.accepted())
                    .as(message)
                    .isNotEqualTo(parsed.refusal().isPresent());
            if (parsed.accepted()) {
                ParameterChange change = parsed.change().orElseThrow();
                assertThat(change.station()).isEqualTo("filler");
                assertThat(change.value()).isBetween(0.6, 1.2);
                assertThat(Math.abs(change.value() - speed)).isLessThanOrEqualTo(0.1 + 1e-9);
                speed = change.value();
                accepted++;
            } else {
                assertThat(parsed.message()).as(message).isNotBlank();
            }
        }
        assertThat(accepted).isPositive();
    }
}
