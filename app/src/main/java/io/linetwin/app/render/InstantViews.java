package io.linetwin.app.render;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.render.LineView;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * Views of replication 0 at chosen instants: the engine's state at t (machine states, buffer levels) and the
 * KPIs of the same run up to t — over [warm-up, t] once t is past the warm-up, else over [0, t]. Every
 * instant replays the same random draws, so successive frames show one consistent run.
 */
final class InstantViews {

    private final LineSpec line;
    private final LineSimulation simulation;
    private final ExperimentSpec experiment;

    InstantViews(LineSpec line, ExperimentSpec experiment) {
        this.line = line;
        this.experiment = experiment;
        this.simulation = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
    }

    ReplicationResult runUpTo(double atSeconds) {
        double warmup = atSeconds > experiment.warmupSeconds() ? experiment.warmupSeconds() : 0;
        return simulation.run(warmup, atSeconds - warmup, experiment.seed(), 0);
    }

    LineView at(double atSeconds) {
        // The state and the KPIs come from two runs of the same replication: run them on two cores at once.
        CompletableFuture<ReplicationResult> upTo = CompletableFuture.supplyAsync(() -> runUpTo(atSeconds));
        // A pure simulation has no wall clock: the state is stamped with the epoch, never read back.
        LineState state = simulation.snapshot(atSeconds, experiment.seed(), 0, Instant.EPOCH);
        return LineView.atInstant(line, state, upTo.join());
    }

    /** {@code count} views at t = T0 + (T1 - T0) * i / (count - 1), i = 0..count-1; computed in parallel. */
    List<LineView> between(double fromSeconds, double toSeconds, int count) {
        return IntStream.range(0, count).parallel()
                .mapToObj(i -> at(fromSeconds + (toSeconds - fromSeconds) * i / (count - 1)))
                .toList();
    }
}
