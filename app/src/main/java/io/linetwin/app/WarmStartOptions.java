package io.linetwin.app;

import io.linetwin.loop.live.EngineClock;
import io.linetwin.model.EventEstimate;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.experiment.Experiment;
import io.linetwin.sim.experiment.LocalEngine;
import io.linetwin.sim.experiment.ReplicationEngine;
import io.linetwin.sim.experiment.Replications;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.ditto.things.model.ThingId;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where the simulation starts: an empty line (default), a saved {@link LineState}, or a snapshot of the live
 * twin. Shared by {@code run} and {@code compare}, so a what-if can look ahead from the line as it is now.
 */
final class WarmStartOptions {

    @ArgGroup(exclusive = true)
    Source source;

    /** The twin snapshot read by {@link #resolve}, for commands that need more of it than the line state. */
    private Snapshot twinSnapshot;

    /** The state {@link #experiment} started from, so a trace of replication 0 starts from it too. */
    private LineState startState;

    static final class Source {
        @Option(
                names = "--from-state",
                paramLabel = "STATE.json",
                description = "Start every replication from this saved line state (LineState JSON).")
        Path state;

        @Option(
                names = "--from-twin",
                paramLabel = "SNAPSHOT.json",
                description = "Start every replication from this twin snapshot (linetwin/twin-snapshot/v1). Its "
                        + "takenAt instant, read in UTC, places the start in the scenario's weekly calendar.")
        Path twin;
    }

    /** The scenario's experiment, warm-started from the chosen state if there is one. */
    Experiment experiment(Scenario scenario, LineSpec line, int threads, Replications.Progress progress)
            throws BadInputException {
        return experiment(scenario, line, new LocalEngine(threads), progress);
    }

    /** As {@link #experiment(Scenario, LineSpec, int, Replications.Progress)}, on {@code engine}. */
    Experiment experiment(Scenario scenario, LineSpec line, ReplicationEngine engine, Replications.Progress progress)
            throws BadInputException {
        Experiment experiment = new Experiment(scenario.experiment(), engine, progress);
        Optional<LineState> start = resolve(scenario, line);
        startState = start.orElse(null);
        return start.isPresent() ? experiment.startingFrom(start.get()) : experiment;
    }

    /** The state the last {@link #experiment} starts from; empty for a start from an empty line. */
    Optional<LineState> startState() {
        return Optional.ofNullable(startState);
    }

    /** The twin snapshot the state came from, once {@link #resolve} has read one. */
    Optional<Snapshot> twinSnapshot() {
        return Optional.ofNullable(twinSnapshot);
    }

    /** The state to start from, checked against the line; empty for a start from an empty line. */
    Optional<LineState> resolve(Scenario scenario, LineSpec line) throws BadInputException {
        if (source == null) {
            return Optional.empty();
        }
        LineState state = source.state != null ? fromState(source.state, line) : fromTwin(source.twin, scenario, line);
        String option = source.state != null ? "--from-state " + source.state : "--from-twin " + source.twin;
        checkFits(option, line, scenario.experiment(), state);
        return Optional.of(state);
    }

    /** The file the state comes from, or null: an input no output may overwrite. */
    Path file() {
        return source == null ? null : source.state != null ? source.state : source.twin;
    }

    private static LineState fromState(Path file, LineSpec line) throws BadInputException {
        requireFile("--from-state", file);
        return LineStateReader.read(file, line);
    }

    private LineState fromTwin(Path file, Scenario scenario, LineSpec line) throws BadInputException {
        requireFile("--from-twin", file);
        twinSnapshot = SnapshotFile.read(file, line);
        double clock = clockOf(twinSnapshot.takenAt(), scenario.experiment());
        try {
            return new LineStateMapper(ThingId.of(line.id())).map(twinSnapshot, clock);
        } catch (RuntimeException e) {
            throw new BadInputException("--from-twin " + file + ": " + Failures.describe(e));
        }
    }

    /** Engine time of {@code instant}: its time of week (UTC) after the experiment's start of week. */
    static double clockOf(Instant instant, ExperimentSpec experiment) {
        return EngineClock.secondsOf(instant, experiment);
    }

    /**
     * The state must fit the line (the engine's own checks, run without simulating), and the line it runs, with
     * the state's parameter values in force, must stay within the event limit: a twin reporting a speed of 1e300
     * would otherwise hang the run.
     */
    private static void checkFits(String option, LineSpec line, ExperimentSpec experiment, LineState state)
            throws BadInputException {
        LineSimulation simulation = new LineSimulation(line).startingAt(experiment.startSecondsOfWeek());
        try {
            simulation.requireFits(state);
            EventEstimate estimate = EventEstimate.of(simulation.lineIn(state), experiment);
            if (!estimate.withinLimit()) {
                throw new BadInputException(option + ": with the state's parameters " + estimate.refusal());
            }
        } catch (IllegalArgumentException e) {
            throw new BadInputException(option + ": the state does not fit the line: " + e.getMessage());
        }
    }

    private static void requireFile(String option, Path file) throws BadInputException {
        if (!Files.exists(file)) {
            throw new BadInputException(option + " " + file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(option + " " + file + ": not a regular file");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(option + " " + file + ": not readable");
        }
    }
}
