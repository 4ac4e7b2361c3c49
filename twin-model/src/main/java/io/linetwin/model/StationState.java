package io.linetwin.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One station's warm-start state.
 *
 * @param condition      what the station is doing, with the times the simulation needs to resume it; for a
 *                       station with several servers, the most active of them (working, then setup, blocked,
 *                       starved) or {@code Down}/{@code OffShift}, which hold for the whole station
 * @param currentProduct the product it is set up for, if known (a setup is due when the next part differs)
 * @param good           good parts made so far (counter carried over, not replayed)
 * @param scrap          scrapped parts so far
 * @param servers        each server's own condition, in server order (never {@code Down}: a failure stops the
 *                       whole station, and what each server holds meanwhile is given here); empty when the source
 *                       only knows the station's condition, which then describes server 0, the others starved
 * @param plannedStops   planned stop name → where it stands; a stop left out is due as its spec says. A stop under
 *                       way shows in {@code condition} as {@code Down} naming the stop (unless a repair or the
 *                       shift calendar stops the station too)
 */
public record StationState(
        MachineCondition condition,
        Optional<String> currentProduct,
        long good,
        long scrap,
        List<MachineCondition> servers,
        Map<String, PlannedStopState> plannedStops) {

    public StationState {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(currentProduct, "currentProduct");
        if (good < 0) {
            throw new IllegalArgumentException("good must be >= 0, got " + good);
        }
        if (scrap < 0) {
            throw new IllegalArgumentException("scrap must be >= 0, got " + scrap);
        }
        servers = List.copyOf(servers);
        for (MachineCondition server : servers) {
            if (server instanceof MachineCondition.Down || server instanceof MachineCondition.OffShift) {
                throw new IllegalArgumentException("a server's condition must be working, setup, blocked or starved "
                        + "(down and offShift hold for the station), got "
                        + server.status().json());
            }
        }
        plannedStops = Checks.orderedCopy(plannedStops);
    }

    /** A station whose planned stops, if any, are due as their specs say. */
    public StationState(
            MachineCondition condition,
            Optional<String> currentProduct,
            long good,
            long scrap,
            List<MachineCondition> servers) {
        this(condition, currentProduct, good, scrap, servers, Map.of());
    }

    /** A station known only by its overall condition (as most equipment reports it). */
    public StationState(MachineCondition condition, Optional<String> currentProduct, long good, long scrap) {
        this(condition, currentProduct, good, scrap, List.of());
    }
}
