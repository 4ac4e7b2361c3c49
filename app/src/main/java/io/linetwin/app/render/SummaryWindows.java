package io.linetwin.app.render;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.LineView;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Views from simulation runs, until the engine exposes the line's state at an instant: the summary view of
 * one replication over a window [start, end] (warm-up = start, horizon = end - start). A sequence over
 * growing windows [T0, t] stands in for an animation: each frame shows the dominant states and KPIs up to t.
 */
final class SummaryWindows {

    private final LineSpec line;
    private final long seed;

    SummaryWindows(LineSpec line, ExperimentSpec experiment) {
        this.line = line;
        this.seed = experiment.seed();
    }

    ReplicationResult run(double startSeconds, double endSeconds) {
        return LineSimulation.run(line, startSeconds, endSeconds - startSeconds, seed, 0);
    }

    LineView view(double startSeconds, double endSeconds) {
        return LineView.fromReplication(line, run(startSeconds, endSeconds));
    }

    /** {@code count} views at t = T0 + (T1 - T0) * i / count, i = 1..count; replications run in parallel. */
    List<LineView> growing(double fromSeconds, double toSeconds, int count) {
        return IntStream.rangeClosed(1, count).parallel()
                .mapToObj(i -> view(fromSeconds, fromSeconds + (toSeconds - fromSeconds) * i / count))
                .toList();
    }
}
