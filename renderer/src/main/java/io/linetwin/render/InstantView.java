package io.linetwin.render;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import io.linetwin.model.StationState;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.ReplicationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The view of one instant: each machine's and assembly's state and each buffer's level from the engine's
 * {@link LineState} at that instant, and in the HUD the KPIs of the run up to it. Sources and sinks only
 * mark the line's ends, so they carry no state.
 */
final class InstantView {

    private InstantView() {}

    static LineView of(LineSpec line, LineState state, ReplicationResult upTo) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(upTo, "upTo");
        Map<String, StationStatus> stations = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            StationState stationState = state.stations().get(station.id());
            if (stationState != null && station.kind() != StationKind.SOURCE && station.kind() != StationKind.SINK) {
                stations.put(station.id(), stationState.condition().status());
            }
        }
        Map<String, Integer> levels = new LinkedHashMap<>();
        line.buffers().forEach(buffer -> {
            BufferContents contents = state.buffers().get(buffer.id());
            levels.put(buffer.id(), contents == null ? 0 : contents.total());
        });
        return of(state.clockSeconds(), stations, levels, upTo);
    }

    static LineView of(
            double clockSeconds,
            Map<String, StationStatus> stations,
            Map<String, Integer> levels,
            ReplicationResult upTo) {
        return of(clockSeconds, stations, levels, Movers.none(), upTo);
    }

    static LineView of(
            double clockSeconds,
            Map<String, StationStatus> stations,
            Map<String, Integer> levels,
            Movers movers,
            ReplicationResult upTo) {
        double start = upTo.warmupSeconds();
        String caption = "state at " + SimTime.format(clockSeconds) + "; KPIs over " + SimTime.format(start) + " .. "
                + SimTime.format(start + upTo.horizonSeconds());
        Hud hud = new Hud(caption, upTo.throughputPerHour(), upTo.wip(), upTo.bottleneck());
        return new LineView(clockSeconds, stations, levels, Map.of(), hud, movers);
    }
}
