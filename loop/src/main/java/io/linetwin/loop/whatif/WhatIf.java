package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import io.linetwin.loop.LoopKpi;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Variant;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.ExperimentResult;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.sim.experiment.ReplicationOutcome;
import io.linetwin.sim.experiment.ReplicationTask;
import io.linetwin.sim.experiment.Replications;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Baseline against candidate changes, warm-started from one state of the line (the twin's snapshot) and looking
 * ahead a fixed time. Replication {@code i} of the baseline and of every candidate uses the same seed and index, so
 * each station draws the same random numbers (common random numbers) and the paired differences are tight. All
 * replications of a phase go to the engine in one batch; the numbers do not depend on the engine or on how many
 * threads or executors it has.
 */
public final class WhatIf {

    /** The baseline's replications, kept to pair every candidate's with. */
    public record Baseline(
            LineState start, long seed, List<ReplicationResult> replications, Optional<String> bottleneck) {
        public Baseline {
            Objects.requireNonNull(start, "start");
            replications = List.copyOf(replications);
            Objects.requireNonNull(bottleneck, "bottleneck");
        }
    }

    private final LineSimulation simulation;
    /** The line as a scenario variant another JVM can rebuild; empty for a line built in code. */
    private final Optional<Variant> variant;

    private final double startSecondsOfWeek;
    private final WhatIfSettings settings;
    private final SupportRule rule;
    private final ReplicationEngine engine;

    /** On this JVM's threads ({@code settings.threads()}). */
    public WhatIf(LineSpec line, double startSecondsOfWeek, WhatIfSettings settings) {
        this(line, Optional.empty(), startSecondsOfWeek, settings, new LocalEngine(settings.threads()));
    }

    /**
     * On {@code engine} (a cluster, or this JVM's threads), which the caller keeps and closes; {@code line} is the
     * scenario's base line or one of its variants, so that any engine can rebuild it.
     */
    public WhatIf(Variant line, double startSecondsOfWeek, WhatIfSettings settings, ReplicationEngine engine) {
        this(line.line(), Optional.of(line), startSecondsOfWeek, settings, engine);
    }

    private WhatIf(
            LineSpec line,
            Optional<Variant> variant,
            double startSecondsOfWeek,
            WhatIfSettings settings,
            ReplicationEngine engine) {
        this.simulation = new LineSimulation(line).startingAt(startSecondsOfWeek);
        this.variant = variant;
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.settings = Objects.requireNonNull(settings, "settings");
        this.rule = new SupportRule(settings);
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    public WhatIfSettings settings() {
        return settings;
    }

    /**
     * Checks that {@code start} fits the line, as a warm start would.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public void requireFits(LineState start) {
        simulation.requireFits(start);
    }

    public Baseline baseline(LineState start, long seed) {
        ExperimentSpec spec = lookAhead(seed);
        List<ReplicationResult> runs = run(List.of(candidate(spec, start)));
        return new Baseline(start, seed, runs, new ExperimentResult("baseline", spec, runs, 0).bottleneck());
    }

    /** The look-ahead as an experiment: every replication starts in the state and runs that long, no warm-up. */
    private ExperimentSpec lookAhead(long seed) {
        return new ExperimentSpec(settings.lookAheadSeconds(), 0, settings.replications(), seed, startSecondsOfWeek);
    }

    /** The line from {@code start}: candidates differ only in the parameters their start state holds. */
    private io.linetwin.sim.experiment.Candidate candidate(ExperimentSpec spec, LineState start) {
        return variant.isPresent()
                ? io.linetwin.sim.experiment.Candidate.of(variant.get(), spec, Optional.of(start))
                : io.linetwin.sim.experiment.Candidate.local("what-if", simulation.line(), spec, Optional.of(start));
    }

    /** Replications 0..n-1 of each line, all in one batch, in line-then-replication order. */
    private List<ReplicationResult> run(List<io.linetwin.sim.experiment.Candidate> lines) {
        List<ReplicationTask> tasks = new ArrayList<>();
        for (io.linetwin.sim.experiment.Candidate line : lines) {
            for (int r = 0; r < settings.replications(); r++) {
                tasks.add(new ReplicationTask(line, r));
            }
        }
        List<ReplicationResult> results = new ArrayList<>(tasks.size());
        for (ReplicationOutcome outcome : engine.run(tasks, Replications.Progress.NONE)) {
            results.add(outcome.result());
        }
        return results;
    }

    /** Each candidate against {@code baseline}, all candidates' replications in one parallel batch. */
    public WhatIfResult compare(Baseline baseline, List<Candidate> candidates, long startedNanos) {
        int n = settings.replications();
        ExperimentSpec spec = lookAhead(baseline.seed());
        List<ReplicationResult> runs = candidates.isEmpty()
                ? List.of()
                : run(candidates.stream()
                        .map(c -> candidate(spec, withChanges(baseline.start(), c.changes())))
                        .toList());
        Map<LoopKpi, Estimate> base = new EnumMap<>(LoopKpi.class);
        for (LoopKpi kpi : LoopKpi.values()) {
            base.put(kpi, Estimate.of(values(baseline.replications(), kpi)));
        }
        List<CandidateOutcome> outcomes = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            outcomes.add(outcome(
                    candidates.get(c),
                    baseline.replications(),
                    runs.subList(c * n, (c + 1) * n),
                    base.get(settings.objective()).mean()));
        }
        long events = baseline.replications().stream()
                        .mapToLong(ReplicationResult::events)
                        .sum()
                + runs.stream().mapToLong(ReplicationResult::events).sum();
        return new WhatIfResult(
                baseline.seed(),
                settings,
                base,
                baseline.bottleneck(),
                outcomes,
                events,
                (System.nanoTime() - startedNanos) / 1e9);
    }

    /** Baseline, then the candidates {@code planner} derives from it (a rule may look at its bottleneck). */
    public WhatIfResult run(LineState start, long seed, CandidatePlanner planner) {
        long started = System.nanoTime();
        Baseline baseline = baseline(start, seed);
        List<Candidate> candidates =
                planner.plan(new CandidateContext(simulation.line(), start, planner.limits(), baseline.bottleneck()));
        return compare(baseline, candidates, started);
    }

    private CandidateOutcome outcome(
            Candidate candidate,
            List<ReplicationResult> base,
            List<ReplicationResult> runs,
            double baselineObjectiveMean) {
        Map<LoopKpi, Estimate> differences = new EnumMap<>(LoopKpi.class);
        for (LoopKpi kpi : LoopKpi.values()) {
            double[] b = values(base, kpi);
            double[] v = values(runs, kpi);
            double[] paired = new double[b.length];
            for (int i = 0; i < b.length; i++) {
                paired[i] = v[i] - b[i];
            }
            differences.put(kpi, Estimate.of(paired));
        }
        SupportRule.Judgement judgement = rule.judge(differences, baselineObjectiveMean);
        double[] objective = values(runs, settings.objective());
        Estimate absolute = Estimate.of(objective);
        double sd = 0;
        for (double v : objective) {
            sd += (v - absolute.mean()) * (v - absolute.mean());
        }
        sd = Math.sqrt(sd / (objective.length - 1));
        Prediction prediction = new Prediction(
                settings.objective().key(), absolute.mean(), sd, objective.length, settings.lookAheadSeconds());
        return new CandidateOutcome(
                candidate,
                differences,
                judgement.relativeEffect(),
                judgement.supported(),
                judgement.verdict(),
                prediction);
    }

    private static double[] values(List<ReplicationResult> runs, LoopKpi kpi) {
        double[] values = new double[runs.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = kpi.of(runs.get(i));
        }
        return values;
    }

    /** {@code start} with the changes' target values in force (a warm start's parameters override the line's). */
    public static LineState withChanges(LineState start, List<Change> changes) {
        Map<String, Map<String, Double>> parameters = new HashMap<>();
        start.parameters().forEach((station, values) -> parameters.put(station, new HashMap<>(values)));
        for (Change change : changes) {
            parameters.computeIfAbsent(change.station(), s -> new HashMap<>()).put(change.parameter(), change.to());
        }
        return new LineState(
                start.capturedAt(),
                start.clockSeconds(),
                start.stations(),
                start.buffers(),
                parameters,
                start.materialStocks(),
                start.inFlight());
    }
}
