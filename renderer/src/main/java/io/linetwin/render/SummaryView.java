package io.linetwin.render;

import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.StationResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the summary view of a replication: each machine in the state it spent most of the window in (its
 * dominant state), the window's KPIs in the HUD, and the view's time at the end of the window. The engine
 * reports neither buffer levels nor health risk per replication, so those maps stay empty (racks drawn
 * empty, no risk) rather than showing invented figures. When the engine's per-instant {@code LineState}
 * arrives, a view built from it replaces this one without touching the renderer.
 */
final class SummaryView {

    private SummaryView() {}

    static LineView of(LineSpec line, ReplicationResult result) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(result, "result");
        Map<String, StationStatus> states = new LinkedHashMap<>();
        for (StationResult station : result.stations()) {
            if (line.station(station.id()).isPresent()) {
                states.put(station.id(), dominant(station.states()));
            }
        }
        double start = result.warmupSeconds();
        double end = start + result.horizonSeconds();
        String caption = "summary of window " + SimTime.format(start) + " .. " + SimTime.format(end)
                + " (dominant state per machine)";
        Hud hud = new Hud(caption, result.throughputPerHour(), result.wip(), result.bottleneck());
        return new LineView(end, states, Map.of(), Map.of(), hud);
    }

    /** The state with the largest share; ties go to the earlier state in the engine's order. */
    static StationStatus dominant(StateShares shares) {
        StationStatus best = StationStatus.WORKING;
        for (StationStatus status : StationStatus.values()) {
            if (shares.of(status) > shares.of(best)) {
                best = status;
            }
        }
        return best;
    }
}
