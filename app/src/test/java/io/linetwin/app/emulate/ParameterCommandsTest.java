package io.linetwin.app.emulate;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptors;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.protocol.ProtocolFactory;
import org.eclipse.ditto.protocol.adapter.DittoProtocolAdapter;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.ThingErrorResponse;
import org.junit.jupiter.api.Test;

final class ParameterCommandsTest {

    private static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");

    private static String modify(String thing, String feature, String property, JsonValue value) {
        return DittoMessages.toJson(DittoMessages.modifyProperty(ThingId.of(thing), feature, property, value, "c1"));
    }

    private static String speed(String station, double value) {
        return modify("plant1:bottling." + station, "parameters", "speed", JsonValue.of(value));
    }

    private static ParameterCommands commands() throws Exception {
        LineSpec line = LineEmulatorTest.bottling();
        return new ParameterCommands(line, LineDescriptors.of(line));
    }

    private static String rul(String station, JsonValue value) {
        return modify("plant1:bottling." + station, "health", "rul", value);
    }

    @Test
    void takesAPredictorsRemainingLifeEstimateForTheTwinWithoutLimitsOrRateLimit() throws Exception {
        ParameterCommands commands = commands();
        JsonObject estimate = JsonObject.newBuilder()
                .set("seconds", 7200.5)
                .set("sdSeconds", 900)
                .set("at", "2026-11-30T06:00:00Z")
                .set("model", "filler@1a2b3c4d")
                .build();

        ParameterCommands.Parsed parsed = commands.parse(rul("filler", estimate));
        assertThat(parsed.accepted()).isTrue();
        assertThat(parsed.estimate()).contains(new HealthEstimate("filler", estimate));
        assertThat(parsed.change()).isEmpty();
        assertThat(parsed.feature()).isEqualTo("health");
        assertThat(parsed.property()).isEqualTo("rul");
        // A second one at once: an estimate changes nothing on the line, so no rate limit applies.
        assertThat(commands.parse(rul("filler", estimate)).accepted()).isTrue();
        // The capper has no sensors but, as a machine, a health feature.
        assertThat(commands.parse(rul("capper", estimate)).accepted()).isTrue();
    }

    @Test
    void refusesAnEstimateTheTwinWouldRefuseWithTheReason() throws Exception {
        ParameterCommands commands = commands();
        JsonObject ok = JsonObject.newBuilder()
                .set("seconds", 60)
                .set("at", "2026-11-30T06:00:00Z")
                .build();

        assertThat(commands.parse(rul("filler", ok.setValue("seconds", -1))).message())
                .isEqualTo("filler.health.rul seconds must be a finite number of seconds >= 0, got -1");
        assertThat(commands.parse(rul("filler", ok.setValue("at", "monday"))).message())
                .isEqualTo("filler.health.rul at must be an ISO instant like 2026-11-30T06:00:00Z, got \"monday\"");
        assertThat(commands.parse(rul("filler", ok.remove("at"))).message())
                .isEqualTo("filler.health.rul must have seconds and at, got {\"seconds\":60}");
        assertThat(commands.parse(rul("filler", ok.setValue("colour", "red"))).message())
                .isEqualTo("filler.health.rul has an unknown key colour (seconds, sdSeconds, at, model)");
        assertThat(commands.parse(rul("filler", JsonValue.of(60))).refusal()).contains(Refusal.NOT_A_NUMBER);
        assertThat(commands.parse(rul("b1", ok)).message()).isEqualTo("b1 has no health feature (a buffer)");
        assertThat(commands.parse(modify("plant1:bottling.filler", "health", "readings", ok))
                        .refusal())
                .contains(Refusal.NOT_WRITABLE);
    }

    @Test
    void acceptsASpeedWithinItsLimitsAndStepAndRefusesTheRestWithAReason() throws Exception {
        ParameterCommands commands = commands();
        assertThat(commands.parse(speed("filler", 1.1)).change()).contains(new ParameterChange("filler", "speed", 1.1));
        assertThat(commands.parse(speed("filler", 1.5))).satisfies(p -> {
            assertThat(p.refusal()).contains(Refusal.OUT_OF_RANGE);
            assertThat(p.message()).contains("must lie in [0.6, 1.2]");
        });
        assertThat(commands.parse(speed("capper", 0)).refusal()).contains(Refusal.NOT_WRITABLE);
        assertThat(commands.parse(modify("plant1:bottling.capper", "parameters", "glue", JsonValue.of(2)))
                        .message())
                .contains("capper.glue is not writable: the scenario declares no such parameter");
        assertThat(commands.parse(modify("plant1:bottling.filler", "status", "state", JsonValue.of("down")))
                        .message())
                .contains("not adjustable");
        assertThat(commands.parse(modify("plant1:other.filler", "parameters", "speed", JsonValue.of(1.0)))
                        .refusal())
                .contains(Refusal.UNKNOWN_EQUIPMENT);
        assertThat(commands.parse("{ nope").refusal()).contains(Refusal.NOT_A_COMMAND);
        assertThat(commands.parse(modify("plant1:bottling.filler", "parameters", "speed", JsonValue.of("fast")))
                        .refusal())
                .contains(Refusal.NOT_A_NUMBER);
    }

    @Test
    void aSourceWithoutDeclaredLimitsTakesNoSpeedAtAll() throws Exception {
        // 1e300 used to be accepted for a source, and would freeze the engine.
        ParameterCommands.Parsed p = commands().parse(speed("depal", 1e300));

        assertThat(p.refusal()).contains(Refusal.NOT_WRITABLE);
        assertThat(p.change()).isEmpty();
    }

    @Test
    void theStepIsCheckedFromTheValueAfterTheCommandsAlreadyAccepted() throws Exception {
        ParameterCommands commands = commands();
        // maxStep 0.1 from the declared 1.0: 1.2 is within [0.6, 1.2] but two steps away.
        assertThat(commands.parse(speed("filler", 1.2)).refusal()).contains(Refusal.STEP_TOO_LARGE);
        assertThat(commands.parse(speed("filler", 1.1)).accepted()).isTrue();
        assertThat(commands.parse(speed("filler", 1.2)).accepted()).isTrue();
        assertThat(commands.parse(speed("filler", 1.0)).refusal()).contains(Refusal.STEP_TOO_LARGE);
        assertThat(commands.parse(speed("filler", 1.1)).accepted()).isTrue();
    }

    @Test
    void aStationTakesOneCommandPerIntervalOfLineTime() throws Exception {
        LineSpec line = LineEmulatorTest.bottling();
        AtomicReference<Instant> now = new AtomicReference<>(T0);
        ParameterCommands commands = new ParameterCommands(
                line,
                LineDescriptors.of(line),
                ParameterCommands.scenarioValues(line),
                Duration.ofSeconds(60),
                now::get);

        assertThat(commands.parse(speed("filler", 1.1)).accepted()).isTrue();
        now.set(T0.plusSeconds(59));
        assertThat(commands.parse(speed("filler", 1.0))).satisfies(p -> {
            assertThat(p.refusal()).contains(Refusal.RATE_LIMITED);
            assertThat(p.message()).contains("one command per 60 s of line time");
        });
        now.set(T0.plusSeconds(60));
        assertThat(commands.parse(speed("filler", 1.0)).accepted()).isTrue();
    }

    @Test
    void commandsOnTheLiveChannelAreRefused() throws Exception {
        String live = speed("filler", 1.1).replace("/things/twin/commands/", "/things/live/commands/");

        ParameterCommands.Parsed p = commands().parse(live);

        assertThat(p.refusal()).contains(Refusal.LIVE_CHANNEL);
        assertThat(p.correlationId()).isEqualTo("c1");
    }

    @Test
    void aRefusalGoesBackAsADittoErrorResponseWithTheCorrelationId() throws Exception {
        ParameterCommands.Parsed p = commands().parse(speed("filler", 1.5));
        Signal<?> response = CommandResponses.refused(
                p.thingId().orElseThrow(), p.property(), p.refusal().orElseThrow(), p.message(), p.correlationId());

        String json = DittoMessages.toJson(response);
        Signal<?> back = DittoProtocolAdapter.newInstance()
                .fromAdaptable(ProtocolFactory.jsonifiableAdaptableFromJson(JsonFactory.newObject(json)));

        assertThat(JsonFactory.newObject(json).getValue("topic"))
                .contains(JsonValue.of("plant1/bottling.filler/things/twin/errors"));
        assertThat(back).isInstanceOfSatisfying(ThingErrorResponse.class, e -> {
            assertThat(e.getDittoHeaders().getCorrelationId()).contains("c1");
            assertThat(e.getDittoHeaders()).containsEntry(Refusal.HEADER, "outOfRange");
            assertThat(e.getHttpStatus().getCode()).isEqualTo(403);
            assertThat(e.getDittoRuntimeException().getDescription().orElseThrow())
                    .isEqualTo("outOfRange: filler.speed must lie in [0.6, 1.2], got 1.5");
        });
    }
}
