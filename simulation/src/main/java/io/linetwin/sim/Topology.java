package io.linetwin.sim;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Loops;
import io.linetwin.model.RunRules;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The shapes the engine runs are {@link RunRules}: the same list the scenario loader reports as positioned
 * problems, so that a line {@code validate} accepts is one the engine builds.
 */
final class Topology {

    private Topology() {}

    static void check(LineSpec line) {
        RunRules.require(line);
    }

    /** Whether the line has a loop at all (rework): then blocking checks for deadlocks. */
    static boolean hasLoops(LineSpec line) {
        Map<String, List<String>> next = new HashMap<>();
        for (BufferSpec link : line.buffers()) {
            next.computeIfAbsent(link.from(), f -> new ArrayList<>()).add(link.to());
        }
        return !Loops.of(line.stations().stream().map(StationSpec::id).toList(), next)
                .isEmpty();
    }
}
