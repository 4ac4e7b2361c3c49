package io.linetwin.sim;

import java.util.Objects;

/**
 * One machine's KPIs over the statistics window. Sources and sinks have no servers to share time between;
 * their flows appear in the line totals (released, lost arrivals, good out) instead.
 *
 * <p>OEE follows Nakajima's definition, availability × performance × quality, each in [0, 1], over planned time =
 * servers × (window − off-shift time − planned stops):
 * <ul>
 *   <li>{@code availability} = run time / planned time, run time = planned time − unplanned down time − setup time;
 *       a planned stop is planned downtime, not a loss (it still counts in the {@code down} state share, and
 *       {@code plannedStop} is its share of the window);</li>
 *   <li>{@code performance} = working time / run time × speed / rated speed: idle time (starved, blocked) and
 *       running below the rated speed (the speed parameter's {@code max}) are the performance losses. It is
 *       time-based, counting each part's own processing time as its ideal: a count of parts × mean cycle time
 *       exceeded the run time whenever random cycles ran short or a part begun before the window ended in it;</li>
 *   <li>{@code quality} = good / (good + scrap), 1 when nothing finished;</li>
 *   <li>{@code oee} = availability × performance × quality.</li>
 * </ul>
 * {@code good} and {@code scrap} count parts whose processing ended in the window; {@code bottleneckShare}
 * is the fraction of the window this machine was the momentary bottleneck (see {@code BottleneckDetector}).
 */
public record StationResult(
        String id,
        StateShares states,
        double utilization,
        long good,
        long scrap,
        double availability,
        double performance,
        double quality,
        double oee,
        double bottleneckShare,
        double plannedStop) {

    public StationResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(states, "states");
        if (utilization != states.working()) {
            throw new IllegalArgumentException(
                    "utilization must equal the working share " + states.working() + ", got " + utilization);
        }
        if (good < 0 || scrap < 0) {
            throw new IllegalArgumentException("part counts must be >= 0, got good " + good + ", scrap " + scrap);
        }
        nonNegative("availability", availability);
        nonNegative("performance", performance);
        nonNegative("quality", quality);
        nonNegative("oee", oee);
        nonNegative("bottleneck share", bottleneckShare);
        nonNegative("planned stop share", plannedStop);
        if (plannedStop > states.down() + StateShares.SUM_TOLERANCE) {
            throw new IllegalArgumentException(
                    "planned stop share must be within the down share " + states.down() + ", got " + plannedStop);
        }
    }

    private static void nonNegative(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
    }
}
