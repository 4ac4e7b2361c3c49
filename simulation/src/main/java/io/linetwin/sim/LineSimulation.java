package io.linetwin.sim;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.ShiftCalendar;
import java.time.Instant;
import java.util.Objects;

/**
 * Simulates a line, one independent replication per call, on MASON's {@code Schedule}. Engine time is in
 * seconds from t = 0; statistics cover the window [warmup, warmup + horizon]. Random numbers come from
 * generators derived from (seed, replication, station, purpose), so replications are reproducible on any
 * machine and variants of a line share common random numbers station by station. Instances are immutable
 * and may run replications on several threads at once (each run builds its own state).
 */
public final class LineSimulation {

    private final LineSpec line;
    private final boolean checkingInvariants;
    private final double startSecondsOfWeek;
    private final RunProgress progress;
    /** Events a replication may run; 0: the budget of its {@code EventEstimate}. */
    private final long eventBudget;

    public LineSimulation(LineSpec line) {
        this(line, false, 0, RunProgress.NONE, 0);
    }

    private LineSimulation(
            LineSpec line,
            boolean checkingInvariants,
            double startSecondsOfWeek,
            RunProgress progress,
            long eventBudget) {
        this.progress = Objects.requireNonNull(progress, "progress");
        this.line = Objects.requireNonNull(line, "line");
        Topology.check(line);
        this.checkingInvariants = checkingInvariants;
        if (!(startSecondsOfWeek >= 0 && startSecondsOfWeek < ShiftCalendar.WEEK_SECONDS)) {
            throw new IllegalArgumentException("start must lie within one week, got " + startSecondsOfWeek + " s");
        }
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.eventBudget = eventBudget;
    }

    /**
     * The same simulation with engine time t = 0 at {@code secondsOfWeek} after Monday 00:00 in the line's shift
     * calendar ({@code experiment.start}); the default is Monday 00:00.
     */
    public LineSimulation startingAt(double secondsOfWeek) {
        return new LineSimulation(line, checkingInvariants, secondsOfWeek, progress, eventBudget);
    }

    /** The same simulation, telling {@code listener} how far each replication has come in simulated time. */
    public LineSimulation reportingTo(RunProgress listener) {
        return new LineSimulation(line, checkingInvariants, startSecondsOfWeek, listener, eventBudget);
    }

    /** One replication of {@code line}; see {@link #run(double, double, long, int)}. */
    public static ReplicationResult run(
            LineSpec line, double warmupSeconds, double horizonSeconds, long seed, int replication) {
        return new LineSimulation(line).run(warmupSeconds, horizonSeconds, seed, replication);
    }

    /**
     * The same simulation, checking the engine's invariants after every event and throwing
     * {@link IllegalStateException} at the first violation; for tests, as it costs a pass over all blocks.
     */
    public LineSimulation checkingInvariants() {
        return new LineSimulation(line, true, startSecondsOfWeek, progress, eventBudget);
    }

    /** The same simulation stopping a replication after {@code events} events; for tests of the runaway guard. */
    LineSimulation withEventBudget(long events) {
        return new LineSimulation(line, checkingInvariants, startSecondsOfWeek, progress, events);
    }

    public LineSpec line() {
        return line;
    }

    /** Runs {@code warmupSeconds + horizonSeconds} of simulated time and reports the window after the warm-up. */
    public ReplicationResult run(double warmupSeconds, double horizonSeconds, long seed, int replication) {
        return run(warmupSeconds, horizonSeconds, seed, replication, null);
    }

    /**
     * As {@link #run(double, double, long, int)}, telling {@code trace} every {@link TraceEvent} of the whole run
     * (warm-up included) as it happens. The result equals that of the untraced run: tracing draws no random
     * numbers and changes no decision.
     */
    public ReplicationResult run(
            double warmupSeconds, double horizonSeconds, long seed, int replication, TraceListener trace) {
        checkRun(warmupSeconds, horizonSeconds, replication);
        return new Replication(
                        line,
                        null,
                        warmupSeconds,
                        horizonSeconds,
                        seed,
                        replication,
                        checkingInvariants,
                        trace,
                        startSecondsOfWeek)
                .withEventBudget(eventBudget)
                .run(progress);
    }

    /**
     * Warm start: the replication begins in {@code state} at engine time {@code state.clockSeconds()} (so shift
     * calendars stay in step) and runs {@code warmupSeconds + horizonSeconds} from there; the window is
     * [clock + warmup, clock + warmup + horizon]. The state's parameter values override the line's. Parts in the
     * state count as released at the start instant. Throws {@link IllegalArgumentException} when the state does
     * not fit the line (unknown station, buffer or product, more parts than a buffer holds, ...).
     */
    public ReplicationResult run(
            LineState state,
            double warmupSeconds,
            double horizonSeconds,
            long seed,
            int replication,
            TraceListener trace) {
        Objects.requireNonNull(state, "state");
        checkRun(warmupSeconds, horizonSeconds, replication);
        return new Replication(
                        WarmStart.withParameters(line, state),
                        state,
                        warmupSeconds,
                        horizonSeconds,
                        seed,
                        replication,
                        checkingInvariants,
                        trace,
                        startSecondsOfWeek)
                .withEventBudget(eventBudget)
                .run(progress);
    }

    /**
     * Checks that {@code state} fits the line — the same checks a warm start makes, without running anything —
     * so callers can report a misfit as bad input before starting replications.
     *
     * @throws IllegalArgumentException naming what does not fit
     */
    public void requireFits(LineState state) {
        Objects.requireNonNull(state, "state");
        new Replication(WarmStart.withParameters(line, state), state, 0, 1, 0, 0, false, null, startSecondsOfWeek)
                .build();
    }

    /**
     * The line a warm start from {@code state} runs: the state's parameter values (a speed the twin reports)
     * replace the scenario's. Throws {@link IllegalArgumentException} when a value breaks its limits.
     */
    public LineSpec lineIn(LineState state) {
        return WarmStart.withParameters(line, Objects.requireNonNull(state, "state"));
    }

    /** As {@link #run(LineState, double, double, long, int, TraceListener)} without a trace. */
    public ReplicationResult run(
            LineState state, double warmupSeconds, double horizonSeconds, long seed, int replication) {
        return run(state, warmupSeconds, horizonSeconds, seed, replication, null);
    }

    /**
     * Runs replication {@code replication} from t = 0 to {@code atSeconds} (every event at that instant included;
     * the same random draws as {@link #run(double, double, long, int)} up to there) and returns the line's state
     * then, stamped {@code capturedAt}. Station counters {@code good}/{@code scrap} count from t = 0.
     */
    public LineState snapshot(double atSeconds, long seed, int replication, Instant capturedAt) {
        checkRun(0, 1, replication);
        if (!(atSeconds >= 0) || Double.isInfinite(atSeconds)) {
            throw new IllegalArgumentException("snapshot time must be >= 0 seconds, got " + atSeconds);
        }
        return new Replication(
                        line, null, 0, atSeconds, seed, replication, checkingInvariants, null, startSecondsOfWeek)
                .snapshot(atSeconds, Objects.requireNonNull(capturedAt, "capturedAt"));
    }

    /**
     * Starts in {@code state} and returns the state {@code forSeconds} later: a snapshot of a warm-started run,
     * so a twin can step a what-if forward. Station counters {@code good}/{@code scrap} count on from the state's.
     */
    public LineState snapshot(LineState state, double forSeconds, long seed, int replication, Instant capturedAt) {
        Objects.requireNonNull(state, "state");
        checkRun(0, 1, replication);
        if (!(forSeconds >= 0) || Double.isInfinite(forSeconds)) {
            throw new IllegalArgumentException("snapshot offset must be >= 0 seconds, got " + forSeconds);
        }
        return new Replication(
                        WarmStart.withParameters(line, state),
                        state,
                        0,
                        forSeconds,
                        seed,
                        replication,
                        checkingInvariants,
                        null,
                        startSecondsOfWeek)
                .snapshot(state.clockSeconds() + forSeconds, Objects.requireNonNull(capturedAt, "capturedAt"));
    }

    private static void checkRun(double warmupSeconds, double horizonSeconds, int replication) {
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("warmup must be >= 0 seconds, got " + warmupSeconds);
        }
        if (!(horizonSeconds > 0) || Double.isInfinite(horizonSeconds)) {
            throw new IllegalArgumentException("horizon must be > 0 seconds, got " + horizonSeconds);
        }
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
    }
}
