package io.linetwin.model;

import java.util.Locale;

/**
 * An upper estimate of the events a run needs, from the fastest each block can work: a machine finishes at most
 * {@code servers × speed / mean time} parts a second (its fastest product's), a source with arrivals releases
 * {@code 1 / mean interarrival}, a failure mode strikes {@code 1 / mean mtbf}; each operation costs a few events
 * (start, finish, hand-over). Parts move only as fast as some such block lets them, so a line cannot need much
 * more, and a scenario whose estimate is astronomical ({@code process: 1e-300s}, {@code speed: 1e300},
 * {@code horizon: 1e6d}) is refused before it hangs. The engine's event budget is a multiple of it.
 *
 * @param perReplication  events one replication needs at most, about
 * @param replications    replications of the experiment
 * @param fastest         the id of the station with the highest rate, or "" for a line without one
 * @param fastestPerSecond that block's operations per second of simulated time
 */
public record EventEstimate(double perReplication, int replications, String fastest, double fastestPerSecond) {

    /**
     * Events per operation, generous: with it, the library's lines and a zero-time gate's line need 0.09 to 0.5
     * of their estimate (measured; a part costs a few events per station, and no station works flat out).
     */
    static final double EVENTS_PER_OPERATION = 4;
    /** How far a run may exceed its estimate before the engine calls it runaway; see {@link #budgetPerReplication}. */
    static final double BUDGET_FACTOR = 100;
    /** A floor for the budget of lines that do almost nothing (events at the start, shift changes). */
    static final long MIN_BUDGET = 10_000_000;
    /** Operations a second that no production station reaches: a millisecond a part. */
    static final double PLAUSIBLE_PER_SECOND = 1_000;

    public EventEstimate {
        if (!(perReplication >= 0)) {
            throw new IllegalArgumentException("estimated events must be >= 0, got " + perReplication);
        }
        Checks.atLeast("replications", 1, replications);
    }

    public static EventEstimate of(LineSpec line, ExperimentSpec experiment) {
        return of(line, experiment.endSeconds(), experiment.replications());
    }

    /** The estimate for {@code replications} runs of {@code runSeconds} (warm-up and horizon) each. */
    public static EventEstimate of(LineSpec line, double runSeconds, int replications) {
        double perSecond = 0;
        String fastest = "";
        double fastestRate = 0;
        for (StationSpec station : line.stations()) {
            double rate = operationsPerSecond(station);
            for (FailureSpec failure : station.failures()) {
                rate += 1 / failure.mtbf().mean();
            }
            perSecond += rate;
            if (rate > fastestRate) {
                fastestRate = rate;
                fastest = station.id();
            }
        }
        for (ConveyorSpec conveyor : line.conveyors()) {
            for (FailureSpec failure : conveyor.failures()) {
                perSecond += 1 / failure.mtbf().mean();
            }
        }
        double events = EVENTS_PER_OPERATION * perSecond * runSeconds;
        return new EventEstimate(
                Double.isNaN(events) ? Double.POSITIVE_INFINITY : events, replications, fastest, fastestRate);
    }

    /**
     * Parts a station can work a second at most; 0 for a zero-time station (paced by what feeds it). A batch
     * station's parts each pass its ends one by one, so they count as parts, not as cycles.
     */
    static double operationsPerSecond(StationSpec station) {
        return switch (station.kind()) {
            case SOURCE -> station.interarrival().map(d -> 1 / d.mean()).orElse(0.0);
            case MACHINE, ASSEMBLY, SINK -> perProcess(station);
            case BATCH -> station.batch().orElseThrow().size() * perProcess(station);
        };
    }

    /** Processes a second at most over the station's servers. */
    private static double perProcess(StationSpec station) {
        if (station.process().isEmpty()) {
            return 0;
        }
        double fastest = station.process().get().mean();
        for (Distribution d : station.processByProduct().values()) {
            fastest = Math.min(fastest, d.mean());
        }
        return fastest > 0 ? station.servers() * station.speed() / fastest : 0;
    }

    /**
     * Whether the fastest station is implausibly fast (more than a thousand operations a second): then its times
     * or speed, not the experiment's length, are what to fix.
     */
    public boolean fastestIsImplausible() {
        return fastestPerSecond > PLAUSIBLE_PER_SECOND;
    }

    public double total() {
        return perReplication * replications;
    }

    public boolean withinLimit() {
        return total() <= Limits.MAX_EVENTS;
    }

    /**
     * The events the engine lets one replication run before it stops it as runaway: far above any real run's
     * (see {@link #BUDGET_FACTOR}), far below forever.
     */
    public long budgetPerReplication() {
        double budget = BUDGET_FACTOR * perReplication;
        return budget >= Long.MAX_VALUE / 2.0 ? Long.MAX_VALUE / 2 : Math.max(MIN_BUDGET, (long) budget);
    }

    /**
     * Why the estimate is refused, e.g. "the experiment would need about 3e+15 events (2 replications of 7.5e+14;
     * station 'm' alone works 1e+300 parts a second), more than the limit of 1e+11".
     */
    public String refusal() {
        String rate = fastest.isEmpty()
                ? ""
                : "; station '" + fastest + "' alone works " + scientific(fastestPerSecond)
                        + " parts a second of simulated time";
        return "the experiment would need about " + scientific(total()) + " events (" + replications
                + (replications == 1 ? " replication" : " replications") + " of " + scientific(perReplication) + rate
                + "), more than the limit of " + scientific(Limits.MAX_EVENTS)
                + ": shorten the horizon or warm-up, run fewer replications, or check the times and speeds";
    }

    private static String scientific(double value) {
        if (Double.isInfinite(value)) {
            return "infinitely many";
        }
        return value < 1e6 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.1e", value);
    }
}
