package io.linetwin.app.health;

import io.linetwin.app.emulate.OperatingClock;
import io.linetwin.predict.health.RulEstimate;
import io.linetwin.predict.health.RulModel;
import io.linetwin.predict.health.SensorDataset;
import io.linetwin.predict.health.UnitHistory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine under watch: its model, the twin sensor behind each model input, and its history since its last
 * repair, kept as the model needs it (the last window, plus the first rows for a per-unit baseline). Rows are the
 * readings taken while the machine works (a reading while it stands still repeats its age; a line that reports no
 * state has all its rows kept), timed by operating seconds since the repair, as the training histories of
 * {@code health train --from-emulator} are. A repair (leaving {@code down}) starts a new history.
 *
 * <p>Single-threaded: the monitor's thread feeds it events in the order the line published them.
 */
final class WatchedMachine implements ReadingRows.Listener {

    /** The latest estimate: mean and sd of the remaining operating life, at the line time of its last reading. */
    record Estimate(String machine, double seconds, double sdSeconds, Instant at, String modelId, int rows) {}

    private static final String WORKING = "working";
    private static final String DOWN = "down";

    private final String machine;
    private final RulModel model;
    private final String modelId;
    private final double secondsPerCycle;
    private final List<String> inputs;
    private final ReadingRows rows;
    private final int window;
    private final int baseline;
    private final OperatingClock age = new OperatingClock();
    private final List<double[]> firstRows = new ArrayList<>();
    private final List<Double> firstTimes = new ArrayList<>();
    private final Deque<double[]> lastRows = new ArrayDeque<>();
    private final Deque<Double> lastTimes = new ArrayDeque<>();
    private Instant origin;
    private String state;
    private int rowsSinceRepair;
    private Optional<Estimate> latest = Optional.empty();

    /**
     * @param inputToSensor   model input name → twin sensor name, for every input of the model
     * @param secondsPerCycle operating seconds per model cycle
     */
    WatchedMachine(
            String machine, RulModel model, String modelId, Map<String, String> inputToSensor, double secondsPerCycle) {
        this.machine = Objects.requireNonNull(machine, "machine");
        this.model = Objects.requireNonNull(model, "model");
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        if (!(secondsPerCycle > 0)) {
            throw new IllegalArgumentException("secondsPerCycle must be > 0, got " + secondsPerCycle);
        }
        this.secondsPerCycle = secondsPerCycle;
        this.inputs = List.copyOf(model.preprocessing().keptSensors());
        this.rows = new ReadingRows(inputs.stream().map(inputToSensor::get).toList(), this);
        this.window = model.settings().window();
        this.baseline = model.settings().baselineCycles();
    }

    String machine() {
        return machine;
    }

    String modelId() {
        return modelId;
    }

    RulModel model() {
        return model;
    }

    Optional<Estimate> latest() {
        return latest;
    }

    /** A twin sensor reading of this machine. */
    void onReading(Instant at, String sensor, double value) {
        rows.reading(at, sensor, value);
    }

    /** The machine's state changed. */
    void onState(Instant at, String newState) {
        rows.state(at, newState);
    }

    @Override
    public void state(Instant at, String newState) {
        if (origin == null) {
            origin = at;
        }
        if (DOWN.equals(state) && !DOWN.equals(newState)) {
            firstRows.clear();
            firstTimes.clear();
            lastRows.clear();
            lastTimes.clear();
            rowsSinceRepair = 0;
        }
        age.onState(seconds(at), newState);
        state = newState;
    }

    @Override
    public void row(ReadingRows.Row row) {
        if (origin == null) {
            origin = row.at();
        }
        if (row.state() != null && !WORKING.equals(row.state())) {
            return;
        }
        double time;
        if (model.settings().secondsPerCycle() == 0) {
            time = rowsSinceRepair + 1;
        } else if (row.state() == null) {
            // A line that reports no state: its clock is the only age there is.
            time = seconds(row.at());
        } else {
            time = age.operatingSeconds(seconds(row.at()));
        }
        if (!lastTimes.isEmpty() && time <= lastTimes.peekLast()) {
            return;
        }
        rowsSinceRepair++;
        if (firstRows.size() < baseline) {
            firstRows.add(row.values());
            firstTimes.add(time);
        }
        lastRows.addLast(row.values());
        lastTimes.addLast(time);
        if (lastRows.size() > window) {
            lastRows.removeFirst();
            lastTimes.removeFirst();
        }
        latest = Optional.of(estimate(row.at()));
    }

    private Estimate estimate(Instant at) {
        List<double[]> sensorRows = new ArrayList<>(firstRows);
        List<Double> times = new ArrayList<>(firstTimes);
        // The last window follows the first rows unless they overlap (a young history is all first rows).
        int skip = Math.max(0, firstRows.size() - (rowsSinceRepair - lastRows.size()));
        int i = 0;
        for (double[] r : lastRows) {
            if (i++ >= skip) {
                sensorRows.add(r);
            }
        }
        i = 0;
        for (double t : lastTimes) {
            if (i++ >= skip) {
                times.add(t);
            }
        }
        int n = sensorRows.size();
        double[] time = new double[n];
        double[][] sensors = new double[n][];
        for (int r = 0; r < n; r++) {
            time[r] = times.get(r);
            sensors[r] = sensorRows.get(r);
        }
        SensorDataset history = new SensorDataset(
                "twin " + machine,
                List.of(),
                inputs,
                List.of(new UnitHistory(machine, time, new double[n][0], sensors)));
        RulEstimate estimate = model.predictLast(history).get(0);
        return new Estimate(
                machine,
                estimate.meanCycles() * secondsPerCycle,
                estimate.sdCycles() * secondsPerCycle,
                at,
                modelId,
                rowsSinceRepair);
    }

    private double seconds(Instant at) {
        return Duration.between(origin, at).toNanos() / 1e9;
    }
}
