package io.linetwin.app.emulate;

import java.util.List;

/**
 * A station's overall state from its servers' states, as {@code StationState} defines it: {@code down} and
 * {@code offShift} hold for the whole station; otherwise the most active server wins (working, then setup,
 * blocked, starved).
 */
final class StationStates {

    private static final List<String> RANK = List.of("down", "offShift", "working", "setup", "blocked", "starved");

    private StationStates() {
    }

    static String aggregate(List<String> servers) {
        String best = null;
        for (String s : servers) {
            if (s != null && (best == null || rank(s) < rank(best))) {
                best = s;
            }
        }
        return best;
    }

    private static int rank(String state) {
        int i = RANK.indexOf(state);
        return i < 0 ? RANK.size() : i;
    }
}
