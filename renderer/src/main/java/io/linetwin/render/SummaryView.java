package io.linetwin.render;

import io.linetwin.model.LineSpec;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StateShares;
import io.linetwin.sim.StationResult;
import java.util.EnumMap;
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

    private SummaryView() {
    }

    static LineView of(LineSpec line, ReplicationResult result) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(result, "result");
        Map<String, StationVisualState> states = new LinkedHashMap<>();
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
    static StationVisualState dominant(StateShares shares) {
        Map<StationVisualState, Double> byState = new EnumMap<>(StationVisualState.class);
        byState.put(StationVisualState.WORKING, shares.working());
        byState.put(StationVisualState.BLOCKED, shares.blocked());
        byState.put(StationVisualState.STARVED, shares.starved());
        byState.put(StationVisualState.DOWN, shares.down());
        byState.put(StationVisualState.SETUP, shares.setup());
        byState.put(StationVisualState.OFF_SHIFT, shares.offShift());
        StationVisualState best = StationVisualState.WORKING;
        for (Map.Entry<StationVisualState, Double> e : byState.entrySet()) {
            if (e.getValue() > byState.get(best)) {
                best = e.getKey();
            }
        }
        return best;
    }
}
