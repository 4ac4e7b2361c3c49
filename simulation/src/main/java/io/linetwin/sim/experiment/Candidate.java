package io.linetwin.sim.experiment;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line to replicate under one experiment: a scenario's base line or a variant of it, the experiment's
 * horizon, warm-up, seed and calendar start, and where every replication starts. Besides the built line it keeps
 * how to build it again from the scenario file (the variant's {@code set} entries, empty for the base line), so an
 * engine on other machines ships a few lines of text instead of engine objects. A candidate built from a line made
 * in code has no such recipe and runs only in this JVM.
 */
public final class Candidate {

    private final String name;
    private final Optional<Map<String, String>> set;
    private final LineSpec line;
    private final ExperimentSpec experiment;
    private final Optional<LineState> start;
    private volatile LineSimulation simulation;

    private Candidate(
            String name,
            Optional<Map<String, String>> set,
            LineSpec line,
            ExperimentSpec experiment,
            Optional<LineState> start) {
        this.name = Objects.requireNonNull(name, "name");
        this.set = Objects.requireNonNull(set, "set");
        this.line = Objects.requireNonNull(line, "line");
        this.experiment = Objects.requireNonNull(experiment, "experiment");
        this.start = Objects.requireNonNull(start, "start");
    }

    /** A variant of the scenario (or its base line, {@value Scenario#BASELINE}, with no {@code set} entries). */
    public static Candidate of(Variant variant, ExperimentSpec experiment, Optional<LineState> start) {
        return new Candidate(variant.name(), Optional.of(variant.set()), variant.line(), experiment, start);
    }

    /** The scenario's base line. */
    public static Candidate baseline(Scenario scenario, Optional<LineState> start) {
        return new Candidate(Scenario.BASELINE, Optional.of(Map.of()), scenario.line(), scenario.experiment(), start);
    }

    /** A line built in code: it runs in this JVM only, as no scenario file can rebuild it. */
    public static Candidate local(String name, LineSpec line, ExperimentSpec experiment, Optional<LineState> start) {
        return new Candidate(name, Optional.empty(), line, experiment, start);
    }

    public String name() {
        return name;
    }

    /**
     * The {@code set} entries that rebuild the line from the scenario file (empty map: its base line); empty when
     * the line was built in code.
     */
    public Optional<Map<String, String>> set() {
        return set;
    }

    public LineSpec line() {
        return line;
    }

    public ExperimentSpec experiment() {
        return experiment;
    }

    public Optional<LineState> start() {
        return start;
    }

    /** Replication {@code replication}: its seed is the experiment's, so every candidate shares random numbers. */
    public ReplicationResult run(int replication) {
        return run(simulation(), replication);
    }

    /** As {@link #run(int)} on {@code sim}, this candidate's simulation with other settings (e.g. reporting). */
    ReplicationResult run(LineSimulation sim, int replication) {
        return start.isPresent()
                ? sim.run(
                        start.get(),
                        experiment.warmupSeconds(),
                        experiment.horizonSeconds(),
                        experiment.seed(),
                        replication)
                : sim.run(experiment.warmupSeconds(), experiment.horizonSeconds(), experiment.seed(), replication);
    }

    /** The simulation of the line, built once (it checks the topology, which may refuse the line). */
    public LineSimulation simulation() {
        LineSimulation built = simulation;
        if (built == null) {
            built = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
            simulation = built;
        }
        return built;
    }

    @Override
    public String toString() {
        return "candidate " + name + (set.map(s -> s.isEmpty() ? "" : " " + s).orElse(" (built in code)"));
    }
}
