package io.linetwin.sim;

/** Indices of the station states in time-share arrays; the order of docs/cli.md. */
final class ServerState {

    static final int WORKING = 0;
    static final int BLOCKED = 1;
    static final int STARVED = 2;
    static final int DOWN = 3;
    static final int SETUP = 4;
    static final int OFF_SHIFT = 5;
    static final int COUNT = 6;

    private static final String[] NAMES = {"working", "blocked", "starved", "down", "setup", "offShift"};

    private ServerState() {
    }

    /** The state's name in KPIs, traces and the twin. */
    static String name(int state) {
        return NAMES[state];
    }
}
