package io.linetwin.sim;

import io.linetwin.model.StationStatus;

/**
 * Indices of the station states in time-share arrays, as ints on the hot path; the order of {@link StationStatus}
 * (and docs/cli.md), whose names they have.
 */
final class ServerState {

    static final int WORKING = StationStatus.WORKING.ordinal();
    static final int BLOCKED = StationStatus.BLOCKED.ordinal();
    static final int STARVED = StationStatus.STARVED.ordinal();
    static final int DOWN = StationStatus.DOWN.ordinal();
    static final int SETUP = StationStatus.SETUP.ordinal();
    static final int OFF_SHIFT = StationStatus.OFF_SHIFT.ordinal();
    static final int COUNT = StationStatus.values().length;

    private static final StationStatus[] STATUSES = StationStatus.values();

    private ServerState() {}

    /** The state's name in KPIs, traces and the twin. */
    static String name(int state) {
        return STATUSES[state].json();
    }
}
