package io.linetwin.render;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationStatus;
import io.linetwin.sim.ReplicationResult;
import java.util.Map;
import java.util.Objects;

/**
 * What the renderer shows at one instant: each station's state, buffer levels (parts waiting), health risk
 * per machine (probability of failure over the predictor's horizon, 0..1), the HUD figures and what travels
 * (parts on conveyors, AGVs). Stations,
 * buffers or machines missing from a map are drawn as "unknown" (neutral colour, empty rack, no risk).
 * This record is the renderer's only input about the line's dynamics, so any producer (a summary of a
 * replication, the engine's per-instant snapshots, the live twin) can feed it.
 */
public record LineView(
        double simSeconds,
        Map<String, StationStatus> stations,
        Map<String, Integer> bufferLevels,
        Map<String, Double> healthRisk,
        Hud kpis,
        Movers movers) {

    public LineView {
        Objects.requireNonNull(movers, "movers");
        if (!(simSeconds >= 0) || Double.isInfinite(simSeconds)) {
            throw new IllegalArgumentException("sim time must be a finite number >= 0 seconds, got " + simSeconds);
        }
        stations = Map.copyOf(stations);
        bufferLevels = Map.copyOf(bufferLevels);
        healthRisk = Map.copyOf(healthRisk);
        Objects.requireNonNull(kpis, "kpis");
        bufferLevels.forEach((id, level) -> {
            if (level < 0) {
                throw new IllegalArgumentException("buffer " + id + " level must be >= 0, got " + level);
            }
        });
        healthRisk.forEach((id, risk) -> {
            if (!(risk >= 0 && risk <= 1)) {
                throw new IllegalArgumentException("health risk of " + id + " must be in [0, 1], got " + risk);
            }
        });
    }

    /** A view with nothing travelling (or nothing known about it). */
    public LineView(
            double simSeconds,
            Map<String, StationStatus> stations,
            Map<String, Integer> bufferLevels,
            Map<String, Double> healthRisk,
            Hud kpis) {
        this(simSeconds, stations, bufferLevels, healthRisk, kpis, Movers.none());
    }

    /** Nothing known yet: every station unknown, racks empty. */
    public static LineView empty(double simSeconds) {
        return new LineView(simSeconds, Map.of(), Map.of(), Map.of(), Hud.none());
    }

    /** The summary view of one replication (dominant state per machine over its window); see {@link SummaryView}. */
    public static LineView fromReplication(LineSpec line, ReplicationResult result) {
        return SummaryView.of(line, result);
    }

    /**
     * The view of the instant {@code state} was taken at, with the HUD showing {@code upTo}'s KPIs (the same
     * replication run up to that instant); see {@link InstantView}.
     */
    public static LineView atInstant(LineSpec line, LineState state, ReplicationResult upTo) {
        return InstantView.of(line, state, upTo);
    }
}
