package io.linetwin.app.health;

import io.linetwin.app.emulate.LineClocks;
import io.linetwin.app.emulate.OperatingClock;
import io.linetwin.app.emulate.TraceSignals;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.UnitHistory;
import io.linetwin.sim.LineSimulation;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.sync.SignalSink;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.DoubleConsumer;
import org.eclipse.ditto.base.model.signals.Signal;
import org.eclipse.ditto.things.model.ThingId;
import org.eclipse.ditto.things.model.signals.events.FeaturePropertyModified;

/**
 * Run-to-failure sensor histories of one machine, from the line's engine run once, uninterrupted, with the
 * emulator's mapping of its trace to twin events ({@link TraceSignals}: {@code status/state},
 * {@code health/readings/<sensor>} from the emulator's sensor model): the events a twin of the emulated line
 * receives, so a model trained on them reads what {@code health monitor} reads. One run rather than the
 * emulator's warm-started chunks, so a long history streams through without being held in memory.
 *
 * <p>A unit is the machine's life from the end of a repair (or the run's start) to its next failure (its next
 * {@code down}); the life after the last failure is censored and dropped. Rows are the readings taken while the
 * machine was working (a reading while it stands still repeats its age), and each row's time is the machine's
 * operating seconds since that repair, counted as the emulator's sensor model counts them
 * ({@link OperatingClock}). The failure is taken to come at the last row (it comes within one reading interval
 * of operation after it), so labels by time ({@code secondsPerCycle}) are remaining operating time.
 */
public final class EmulatorHistories {

    /** A Monday 00:00 UTC: the emulated run's calendar, fixed so that the histories do not depend on today. */
    private static final Instant MONDAY = Instant.parse("2024-01-01T00:00:00Z");

    private static final String WORKING = "working";
    private static final String DOWN = "down";

    private EmulatorHistories() {}

    /**
     * Emulates {@code line} for {@code durationSeconds} of line time and returns the histories of
     * {@code machine}.
     *
     * @param sensorSeconds line seconds between readings (the emulator's {@code --sensor-interval})
     * @param progressSeconds line seconds between two calls of {@code progress}
     * @param progress      receives the line time reached
     */
    public static SensorDataset of(
            LineSpec line,
            double startSecondsOfWeek,
            String machine,
            double durationSeconds,
            long seed,
            double sensorSeconds,
            double progressSeconds,
            DoubleConsumer progress) {
        StationSpec station = line.station(machine)
                .orElseThrow(() -> new IllegalArgumentException("no station '" + machine + "' in line " + line.id()));
        if (station.sensors().isEmpty()) {
            throw new IllegalArgumentException("station '" + machine + "' declares no sensors: nothing to learn from");
        }
        LineDescriptor things = LineDescriptors.of(line);
        Instant start = MONDAY.plusNanos(Math.round(startSecondsOfWeek * 1e9));
        Collector collector = new Collector(things.thingIdOf(machine), station.sensors(), start);
        LineSimulation simulation = new LineSimulation(line).startingAt(LineClocks.secondsOfWeek(start));
        TraceSignals signals = new TraceSignals(things, collector, start, seed, sensorSeconds);
        double[] reported = {0};
        simulation.run(0, durationSeconds, seed, 0, event -> {
            signals.accept(event);
            if (event.timeSeconds() - reported[0] >= progressSeconds) {
                reported[0] = event.timeSeconds();
                progress.accept(event.timeSeconds());
            }
        });
        signals.finish(durationSeconds);
        progress.accept(durationSeconds);
        collector.rows.flush();
        return new SensorDataset(
                "emulated " + line.id() + "." + machine + " (" + Math.round(durationSeconds / 3600) + " h, seed " + seed
                        + ")",
                List.of(),
                station.sensors(),
                collector.units);
    }

    /** The emulator's sink: keeps the machine's state and readings, builds units as they end. */
    private static final class Collector implements SignalSink, ReadingRows.Listener {
        private final ThingId thing;
        private final Instant start;
        private final ReadingRows rows;
        private final OperatingClock age = new OperatingClock();
        private final List<UnitHistory> units = new ArrayList<>();
        private final List<double[]> sensorRows = new ArrayList<>();
        private final List<Double> ages = new ArrayList<>();
        private String state;

        Collector(ThingId thing, List<String> sensors, Instant start) {
            this.thing = thing;
            this.start = start;
            this.rows = new ReadingRows(sensors, this);
        }

        @Override
        public CompletionStage<Void> send(Signal<?> signal) {
            if (signal instanceof FeaturePropertyModified event
                    && event.getEntityId().equals(thing)) {
                String feature = event.getFeatureId();
                String property = event.getPropertyPointer().toString();
                Instant at = event.getTimestamp().orElseThrow();
                if (TwinFeatures.STATUS.equals(feature) && property.equals("/" + TwinFeatures.STATE)) {
                    rows.state(at, event.getPropertyValue().asString());
                } else if (TwinFeatures.HEALTH.equals(feature)
                        && property.startsWith("/" + TwinFeatures.READINGS + "/")) {
                    rows.reading(
                            at,
                            property.substring(TwinFeatures.READINGS.length() + 2),
                            event.getPropertyValue().asDouble());
                }
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void state(Instant at, String newState) {
            double t = seconds(at);
            if (DOWN.equals(newState) && !DOWN.equals(state) && !ages.isEmpty()) {
                endUnit();
            }
            if (DOWN.equals(state) && !DOWN.equals(newState)) {
                sensorRows.clear();
                ages.clear();
            }
            age.onState(t, newState);
            state = newState;
        }

        @Override
        public void row(ReadingRows.Row row) {
            if (!WORKING.equals(row.state())) {
                return;
            }
            double operating = age.operatingSeconds(seconds(row.at()));
            if (!ages.isEmpty() && operating <= ages.get(ages.size() - 1)) {
                return;
            }
            ages.add(operating);
            sensorRows.add(row.values());
        }

        private void endUnit() {
            int n = ages.size();
            double[] time = new double[n];
            double[][] settings = new double[n][0];
            double[][] sensors = new double[n][];
            for (int i = 0; i < n; i++) {
                time[i] = ages.get(i);
                sensors[i] = sensorRows.get(i);
            }
            units.add(new UnitHistory(
                    String.format(Locale.ROOT, "life-%04d", units.size() + 1), time, settings, sensors));
            sensorRows.clear();
            ages.clear();
        }

        private double seconds(Instant at) {
            return Duration.between(start, at).toNanos() / 1e9;
        }

        @Override
        public void close() {}
    }
}
