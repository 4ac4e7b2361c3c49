package io.linetwin.model;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The neutral warm-start state of a line: what the simulation needs to start from "now" instead of
 * from an empty line. It knows nothing of Ditto or Kafka, so the twin, a file or a test can produce it.
 *
 * @param capturedAt     wall-clock instant the state describes
 * @param clockSeconds   simulation time (seconds since the experiment's t = 0) the state maps to
 * @param stations       station id → its state (machines, sources, assemblies, sinks)
 * @param buffers        buffer or conveyor id → parts waiting in it, by product
 * @param parameters     equipment id → parameter name → current value (speed, setpoints)
 * @param materialStocks material id → quantity on hand
 * @param inFlight       what is under way beyond the reported state (part release times, conveyor positions,
 *                       vehicles, material orders, failure clocks); {@link InFlight#none()} when unknown
 */
public record LineState(
        Instant capturedAt,
        double clockSeconds,
        Map<String, StationState> stations,
        Map<String, BufferContents> buffers,
        Map<String, Map<String, Double>> parameters,
        Map<String, Double> materialStocks,
        InFlight inFlight) {

    public LineState {
        Objects.requireNonNull(capturedAt, "capturedAt");
        // Past the limit a double clock can no longer tell the window's start from its end.
        if (!(clockSeconds >= 0 && clockSeconds <= Limits.MAX_RUN_SECONDS)) {
            throw new IllegalArgumentException("clockSeconds must be in [0, " + (long) Limits.MAX_RUN_SECONDS
                    + "] (100 years), got " + clockSeconds);
        }
        stations = Checks.orderedCopy(stations);
        buffers = Checks.orderedCopy(buffers);
        Map<String, Map<String, Double>> params = new HashMap<>();
        parameters.forEach((k, v) -> params.put(k, Checks.orderedCopy(v)));
        parameters = Checks.orderedCopy(params);
        materialStocks.forEach((id, qty) -> {
            if (!(qty >= 0)) {
                throw new IllegalArgumentException("material stock of " + id + " must be >= 0, got " + qty);
            }
        });
        materialStocks = Checks.orderedCopy(materialStocks);
        Objects.requireNonNull(inFlight, "inFlight");
    }

    /** A state as equipment reports it, with nothing known in flight. */
    public LineState(
            Instant capturedAt,
            double clockSeconds,
            Map<String, StationState> stations,
            Map<String, BufferContents> buffers,
            Map<String, Map<String, Double>> parameters,
            Map<String, Double> materialStocks) {
        this(capturedAt, clockSeconds, stations, buffers, parameters, materialStocks, InFlight.none());
    }

    /** The same state without its in-flight detail (what a live twin would know). */
    public LineState withoutInFlight() {
        return new LineState(capturedAt, clockSeconds, stations, buffers, parameters, materialStocks);
    }

    /** An empty line at t = 0, the state a simulation starts from without a twin. */
    public static LineState empty(Instant capturedAt) {
        return new LineState(capturedAt, 0, Map.of(), Map.of(), Map.of(), Map.of());
    }
}
