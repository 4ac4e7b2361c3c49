package io.linetwin.sim;

import io.linetwin.model.LineSpec;
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

    public LineSimulation(LineSpec line) {
        this(line, false);
    }

    private LineSimulation(LineSpec line, boolean checkingInvariants) {
        this.line = Objects.requireNonNull(line, "line");
        Topology.check(line);
        this.checkingInvariants = checkingInvariants;
    }

    /** One replication of {@code line}; see {@link #run(double, double, long, int)}. */
    public static ReplicationResult run(LineSpec line, double warmupSeconds, double horizonSeconds, long seed,
            int replication) {
        return new LineSimulation(line).run(warmupSeconds, horizonSeconds, seed, replication);
    }

    /**
     * The same simulation, checking the engine's invariants after every event and throwing
     * {@link IllegalStateException} at the first violation; for tests, as it costs a pass over all blocks.
     */
    public LineSimulation checkingInvariants() {
        return new LineSimulation(line, true);
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
    public ReplicationResult run(double warmupSeconds, double horizonSeconds, long seed, int replication,
            TraceListener trace) {
        if (!(warmupSeconds >= 0) || Double.isInfinite(warmupSeconds)) {
            throw new IllegalArgumentException("warmup must be >= 0 seconds, got " + warmupSeconds);
        }
        if (!(horizonSeconds > 0) || Double.isInfinite(horizonSeconds)) {
            throw new IllegalArgumentException("horizon must be > 0 seconds, got " + horizonSeconds);
        }
        if (replication < 0) {
            throw new IllegalArgumentException("replication must be >= 0, got " + replication);
        }
        return new Replication(line, warmupSeconds, horizonSeconds, seed, replication, checkingInvariants, trace)
                .run();
    }
}
