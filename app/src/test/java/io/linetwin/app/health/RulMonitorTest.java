package io.linetwin.app.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.predict.health.RulModel;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.ThingUpdate;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.sync.SignalSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.commands.modify.ModifyFeatureProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's core on a machine that wears out: a model of the wear line's spindle (trained here, once, by
 * {@code health train --from-emulator wear-line.yaml --machine spindle}; {@link WearLineModels}), fed readings that
 * drift as the emulator's sensor model drifts them.
 */
final class RulMonitorTest {

    static final Instant T0 = Instant.parse("2026-11-30T06:00:00Z");
    static final ThingId SPINDLE = ThingId.of("test:wear.spindle");

    private final List<Signal<?>> sent = new ArrayList<>();
    private final StringWriter printed = new StringWriter();
    private RulModel model;
    private RulMonitor monitor;
    private long revision;
    private final Random noise = new Random(3);

    @TempDir
    static Path models;

    private static Path spindleModel;

    @BeforeAll
    static void trainTheSpindlesModel() {
        spindleModel = WearLineModels.train(models, "spindle");
    }

    static LineDescriptor wearLine() throws Exception {
        return LineDescriptors.of(
                io.linetwin.app.ScenarioOptions.read(WearLineModels.scenario()).line());
    }

    @BeforeEach
    void start() throws Exception {
        model = RulModel.load(spindleModel);
        monitor = monitorOfTheSpindle(sent);
    }

    /** A monitor of the spindle whose estimates go into {@code written} rather than to a broker. */
    private RulMonitor monitorOfTheSpindle(List<Signal<?>> written) throws Exception {
        WatchedMachine spindle = new WatchedMachine(
                "spindle", model, "spindle@test", Map.of("temperature", "temperature", "vibration", "vibration"), 60);
        SignalSink sink = new SignalSink() {
            @Override
            public CompletionStage<Void> send(Signal<?> signal) {
                written.add(signal);
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {}
        };
        return new RulMonitor(wearLine(), List.of(spindle), sink, 2 * 3600, 0.5, new PrintWriter(printed));
    }

    @AfterEach
    void close() {
        model.close();
    }

    private void event(String path, JsonValue value, Instant at) {
        monitor.listener().accept(applied(path, value, at, at));
    }

    private void state(String state, Instant at) {
        event("/features/status/properties/state", JsonValue.of(state), at);
    }

    /** Readings every minute from {@code fromMinute} to {@code toMinute} of an age that starts at {@code ageMinute}. */
    private void work(int fromMinute, int toMinute, int ageMinute) throws InterruptedException {
        for (int m = fromMinute; m <= toMinute; m++) {
            double hours = (ageMinute + m - fromMinute) / 60.0;
            Instant at = T0.plusSeconds(60L * m);
            event(
                    "/features/health/properties/readings/temperature",
                    JsonValue.of(45 + 0.8 * hours + 0.3 * noise.nextGaussian()),
                    at);
            event(
                    "/features/health/properties/readings/vibration",
                    JsonValue.of(2 + 0.15 * hours + 0.05 * noise.nextGaussian()),
                    at);
        }
        monitor.drain(0);
    }

    private double lastSeconds() {
        ModifyFeatureProperty modify = (ModifyFeatureProperty) sent.get(sent.size() - 1);
        return modify.getPropertyValue()
                .asObject()
                .getValue("seconds")
                .orElseThrow()
                .asDouble();
    }

    @Test
    void theEstimateFallsAsTheMachineWearsAndGoesIntoTheTwinAsAModifyOfHealthRul() throws Exception {
        state("working", T0);
        work(1, 30, 1);
        monitor.publish();
        double young = lastSeconds();
        work(31, 240, 31);
        monitor.publish();
        double worn = lastSeconds();

        assertThat(sent).hasSize(2);
        ModifyFeatureProperty modify = (ModifyFeatureProperty) sent.get(1);
        assertThat(modify.getEntityId().toString()).isEqualTo(SPINDLE.toString());
        assertThat(modify.getFeatureId()).isEqualTo("health");
        assertThat(modify.getPropertyPointer().toString()).isEqualTo("/rul");
        JsonObject rul = modify.getPropertyValue().asObject();
        assertThat(rul.getKeys().stream().map(Object::toString).toList())
                .containsExactly("seconds", "sdSeconds", "at", "model");
        assertThat(rul.getValue("at").orElseThrow().asString())
                .isEqualTo(T0.plusSeconds(240 * 60).toString());
        assertThat(rul.getValue("model").orElseThrow().asString()).isEqualTo("spindle@test");
        // The bearing lives ~5.4 h (Weibull shape 4, scale 6 h): young it has hours left, after 4 h far less.
        assertThat(young).isGreaterThan(3 * 3600.0);
        assertThat(worn).isLessThan(young - 1.5 * 3600);
        assertThat(rul.getValue("sdSeconds").orElseThrow().asDouble()).isPositive();
    }

    @Test
    void readingsWhileTheMachineStandsStillAddNoRowsAndARepairStartsANewHistory() throws Exception {
        state("working", T0);
        work(1, 120, 1);
        int rows = monitor.latestRows("spindle");
        state("blocked", T0.plusSeconds(121 * 60));
        work(121, 150, 120);
        assertThat(monitor.latestRows("spindle")).isEqualTo(rows);

        state("down", T0.plusSeconds(151 * 60));
        state("working", T0.plusSeconds(181 * 60));
        work(182, 190, 1);
        assertThat(monitor.latestRows("spindle")).isEqualTo(9);
    }

    @Test
    void theAlarmIsRaisedOnceWhenTheRiskCrossesTheThresholdAndClearedAfterTheRepair() throws Exception {
        state("working", T0);
        for (int hour = 0; hour < 6; hour++) {
            work(hour * 60 + 1, hour * 60 + 60, hour * 60 + 1);
            monitor.publish();
        }
        assertThat(monitor.alarms()).isEqualTo(1);
        assertThat(monitor.alarmed()).containsExactly("spindle");
        assertThat(printed.toString()).containsOnlyOnce("ALARM spindle: P(failure within 2.0 h of operation)");

        state("down", T0.plusSeconds(361 * 60));
        state("working", T0.plusSeconds(391 * 60));
        work(392, 420, 1);
        monitor.publish();
        assertThat(monitor.alarmed()).isEmpty();
        assertThat(printed.toString()).contains("clear spindle: P(failure within 2.0 h of operation)");
    }

    /** What a monitor with rounds of 10 min of line time writes for 2 h of readings: {epoch second of at, seconds}. */
    private List<double[]> roundsOfTenMinutes(boolean drainEveryEvent) throws Exception {
        List<Signal<?>> written = new ArrayList<>();
        RulMonitor rounds = monitorOfTheSpindle(written).roundsEvery(600);
        Random readings = new Random(5);
        List<TwinEvent.Applied> events = new ArrayList<>();
        // Applied now, on the wall clock: the rounds must go by the line's timestamps, not by when they were applied.
        Instant now = Instant.now();
        events.add(applied("/features/status/properties/state", JsonValue.of("working"), T0, now));
        for (int m = 1; m <= 120; m++) {
            Instant at = T0.plusSeconds(60L * m);
            double hours = m / 60.0;
            events.add(applied(
                    "/features/health/properties/readings/temperature",
                    JsonValue.of(45 + 0.8 * hours + 0.3 * readings.nextGaussian()),
                    at,
                    now));
            events.add(applied(
                    "/features/health/properties/readings/vibration",
                    JsonValue.of(2 + 0.15 * hours + 0.05 * readings.nextGaussian()),
                    at,
                    now));
        }
        for (TwinEvent.Applied event : events) {
            rounds.listener().accept(event);
            if (drainEveryEvent) {
                rounds.drain(0);
            }
        }
        rounds.drain(0);
        return written.stream()
                .map(signal ->
                        ((ModifyFeatureProperty) signal).getPropertyValue().asObject())
                .map(rul -> new double[] {
                    Instant.parse(rul.getValue("at").orElseThrow().asString()).getEpochSecond(),
                    rul.getValue("seconds").orElseThrow().asDouble()
                })
                .toList();
    }

    /** The spindle's change at line time {@code at}, as the twin applied it at {@code appliedAt}. */
    private TwinEvent.Applied applied(String path, JsonValue value, Instant at, Instant appliedAt) {
        ThingUpdate update = new ThingUpdate(
                SPINDLE,
                ThingUpdate.Action.SET,
                JsonPointer.of(path),
                Optional.of(value),
                OptionalLong.of(++revision),
                Optional.of(at));
        return new TwinEvent.Applied(update, revision, appliedAt);
    }

    @Test
    void withRoundsOfLineTimeTheEstimatesFollowTheLinesClockHoweverTheEventsArrive() throws Exception {
        List<double[]> caughtUp = roundsOfTenMinutes(false);
        List<double[]> live = roundsOfTenMinutes(true);

        // 2 h of line time in rounds of 10 min: 12 rounds, each closed by the first reading at or after its end,
        // written with the estimate of the minute before. All 240 events in one drain (a monitor catching up on a
        // replay, or an emulator at 1800x) give the same estimates as one event per drain.
        assertThat(caughtUp).hasSize(12);
        for (int i = 0; i < caughtUp.size(); i++) {
            assertThat(caughtUp.get(i)[0] - T0.getEpochSecond())
                    .as("round %d", i + 1)
                    .isEqualTo(600.0 * (i + 1) - 60);
        }
        assertThat(live).hasSameSizeAs(caughtUp);
        for (int i = 0; i < live.size(); i++) {
            assertThat(live.get(i)).containsExactly(caughtUp.get(i));
        }
    }
}
