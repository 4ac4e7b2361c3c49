package io.linetwin.app.emulate;

import io.linetwin.model.StationStatus;
import io.linetwin.sim.TraceEvent;
import io.linetwin.twin.TwinFeatures;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.ditto.json.JsonValue;

/**
 * Maps the engine's trace to twin events as they happen inside a chunk: a server's {@code StateChanged}
 * updates its station's overall state ({@link StationStatus#ofServers}), and a change of that publishes
 * {@code status/state} and {@code status/since} stamped with the event's emulated instant. Part movements
 * are not mapped one by one: counters, buffer levels, products and remaining times come from the chunk-end
 * state ({@link StateToDitto}), which is exact and costs one event per change per chunk instead of one per part.
 */
public final class TraceToDitto {

    /** Told every change of a station's overall state (the sensors' operating clocks listen). */
    public interface StationStateListener {
        void onStationState(String station, double timeSeconds, String state);
    }

    private final DittoEventWriter writer;
    private final EmulatedClock clock;
    private final StationStateListener listener;
    private final Map<String, List<String>> servers = new HashMap<>();
    private final Map<String, String> stations = new HashMap<>();

    TraceToDitto(DittoEventWriter writer, EmulatedClock clock, StationStateListener listener) {
        this(writer, clock, listener, Map.of());
    }

    /** Continuing a line whose stations last published these overall states. */
    TraceToDitto(
            DittoEventWriter writer,
            EmulatedClock clock,
            StationStateListener listener,
            Map<String, String> published) {
        this.writer = writer;
        this.clock = clock;
        this.listener = listener;
        this.stations.putAll(published);
    }

    public void accept(TraceEvent event) {
        if (event instanceof TraceEvent.StateChanged changed) {
            List<String> states = servers.computeIfAbsent(changed.station(), s -> new ArrayList<>());
            while (states.size() <= changed.server()) {
                states.add(null);
            }
            states.set(changed.server(), changed.state());
            stationState(
                    changed.station(),
                    changed.timeSeconds(),
                    StationStatus.ofServers(states).map(StationStatus::json).orElse(null));
        }
    }

    /** Resets a station to a known state (the chunk-end snapshot), publishing it if it differs. */
    void reset(String station, double timeSeconds, List<String> serverStates, String overall) {
        servers.put(station, new ArrayList<>(serverStates));
        stationState(station, timeSeconds, overall);
    }

    /** The station's overall state as last published, or null before any. */
    String stateOf(String station) {
        return stations.get(station);
    }

    private void stationState(String station, double timeSeconds, String state) {
        if (state == null || state.equals(stations.get(station))) {
            return;
        }
        stations.put(station, state);
        var at = clock.at(timeSeconds);
        writer.set(station, TwinFeatures.STATUS, TwinFeatures.STATE, JsonValue.of(state), at);
        writer.set(station, TwinFeatures.STATUS, TwinFeatures.SINCE, JsonValue.of(at.toString()), at);
        listener.onStationState(station, timeSeconds, state);
    }
}
