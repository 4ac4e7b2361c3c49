package io.linetwin.app.render;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.LineView;
import io.linetwin.render.TraceRecorder;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Views of replication 0 at chosen instants: the line's state at t (machine states, buffer levels, followed
 * through the run's trace) and the KPIs of the same run up to t — over [warm-up, t] once t is past the warm-up,
 * else over [0, t]. Every instant replays the same random draws, so successive frames show one consistent run.
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

    /** The view at {@code atSeconds} and the KPIs up to it, from one traced run. */
    Shown shown(double atSeconds) {
        double warmup = atSeconds > experiment.warmupSeconds() ? experiment.warmupSeconds() : 0;
        TraceRecorder recorder = new TraceRecorder(line);
        ReplicationResult upTo = simulation.run(warmup, atSeconds - warmup, experiment.seed(), 0, recorder);
        return new Shown(recorder.view(atSeconds, upTo), upTo);
    }

    LineView at(double atSeconds) {
        return shown(atSeconds).view();
    }

    record Shown(LineView view, ReplicationResult upTo) {}

    /**
     * {@code count} views at t = T0 + (T1 - T0) * i / (count - 1), i = 0..count-1, all from one traced run to T1
     * ({@link FrameSampler}): the same run every frame, simulated once.
     */
    List<LineView> between(double fromSeconds, double toSeconds, int count) {
        double[] instants = IntStream.range(0, count)
                .mapToDouble(i -> fromSeconds + (toSeconds - fromSeconds) * i / (count - 1))
                .toArray();
        double warmup = toSeconds > experiment.warmupSeconds() ? experiment.warmupSeconds() : 0;
        FrameSampler sampler = new FrameSampler(new TraceRecorder(line), instants, experiment.warmupSeconds());
        ReplicationResult run = simulation.run(warmup, toSeconds - warmup, experiment.seed(), 0, sampler);
        return sampler.frames(toSeconds, run.bottleneck());
    }
}
