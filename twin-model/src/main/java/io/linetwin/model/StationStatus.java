package io.linetwin.model;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The six states of a station or server, spelt in JSON, traces, KPIs and the twin as {@link #json()} gives. Their
 * order is the engine's (the time-share arrays and reports count them so); {@link #mostActive} ranks them as a
 * station's overall state: down and off shift hold for the whole station, otherwise the most active server wins.
 */
public enum StationStatus {
    WORKING("working", 2),
    BLOCKED("blocked", 4),
    STARVED("starved", 5),
    DOWN("down", 0),
    SETUP("setup", 3),
    OFF_SHIFT("offShift", 1);

    private static final List<StationStatus> ALL = List.of(values());
    private static final List<String> JSON =
            ALL.stream().map(StationStatus::json).toList();

    private final String json;
    private final int rank;

    StationStatus(String json, int rank) {
        this.json = json;
        this.rank = rank;
    }

    /** The name in JSON, traces, KPIs and the twin ({@code offShift}, not {@code OFF_SHIFT}). */
    public String json() {
        return json;
    }

    /** The state spelt {@code json}, if it is one. */
    public static Optional<StationStatus> ofJson(String json) {
        for (StationStatus status : ALL) {
            if (status.json.equals(json)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    /** Every state's JSON name, in the engine's order. */
    public static List<String> jsonNames() {
        return JSON;
    }

    /**
     * Of two servers' states, the one that describes their station: the earlier in down, offShift, working, setup,
     * blocked, starved.
     */
    public static StationStatus mostActive(StationStatus a, StationStatus b) {
        return b.moreActiveThan(a) ? b : a;
    }

    /** More active than {@code other}, by the order {@link #mostActive} ranks them in. */
    public boolean moreActiveThan(StationStatus other) {
        return rank < other.rank;
    }

    /**
     * A station's state from its servers' states spelt in JSON: the most active of them; a name that is no state
     * (or null) is passed over. Empty when none is a state.
     */
    public static Optional<StationStatus> ofServers(Collection<String> servers) {
        StationStatus best = null;
        for (String server : servers) {
            StationStatus status = server == null ? null : ofJson(server).orElse(null);
            if (status != null && (best == null || status.moreActiveThan(best))) {
                best = status;
            }
        }
        return Optional.ofNullable(best);
    }

    @Override
    public String toString() {
        return json;
    }
}
