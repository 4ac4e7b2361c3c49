package io.linetwin.sim;

import io.linetwin.model.StationKind;
import io.linetwin.model.StationState;
import java.util.Optional;

/**
 * One station of a replication as the engine drives it. {@link Replication}, {@link Model}, {@link Snapshot},
 * {@link WarmStart} and {@link InvariantChecks} reach stations only through this, so a new kind of station is one
 * new implementation plus its factory in {@code Replication}, chosen by an exhaustive switch over
 * {@link StationKind} (no default branch), which with this sealed list makes the compiler name every place that
 * must handle it.
 */
sealed interface StationBlock permits MachineBlock, SourceBlock, SinkBlock, BatchStation {

    String id();

    StationKind kind();

    /** What a link into this station tells when it has room to give; null when nothing feeds it from here. */
    Upstream feeder();

    /** What a link from upstream offers its parts to; null for a station no link leads to. */
    Downstream taker();

    /**
     * Wires the station to the line: {@code inbound} is where its parts come from (null for none: a source, or a
     * first station with unlimited supply), {@code outbound} where they go (null: they leave the line here);
     * {@code routes}, for a station that sends parts over several links, picks the link (then {@code outbound}
     * is null). A kind without routes never gets them (the scenario refuses them).
     */
    void connect(Upstream inbound, Downstream outbound, Router routes);

    /** The replication starts at {@code now}, after any warm start: the station schedules its first events. */
    void start(double now);

    /** The statistics window opens: counts and state times start from zero. */
    void openWindow(double now);

    /** The statistics window closes: state times are brought up to {@code now}. */
    void closeWindow(double now);

    /** Parts physically held here now (a sink and a source hold none). */
    long partsHeld();

    /** Adds this station to the part balance (flows in and out and the stock held) under its scenario id. */
    void balance(PartBalances balances);

    /** Describes the station at {@code now} into {@code sheet}: its state, its parts' release times, clocks. */
    void capture(double now, Snapshot.Sheet sheet);

    /** Puts the station into {@code state} before it starts; {@code from} knows products and release times. */
    void restore(StationState state, WarmStart from, double now);

    /** Throws when the station's own bookkeeping contradicts what it holds (tests with invariant checks). */
    void checkInvariants(double now);

    /**
     * The line's shift calendar starts ({@code working}) or ends a shift at {@code now}; a kind the calendar does
     * not stop does nothing.
     */
    void shiftChanges(boolean working, double now);

    /** What the station takes from material stores per operation ({@link MaterialNeeds#NONE}: nothing). */
    MaterialNeeds materials();

    /** What the results report for the station over a window of {@code horizonSeconds}; empty for none. */
    Optional<StationResult> result(double horizonSeconds, BottleneckDetector bottleneck);

    /**
     * When, at one instant, the station starts relative to the others: stations that process parts first, then
     * sources, then sinks (the order of events at the start instant is part of a run's results).
     */
    static int startRank(StationKind kind) {
        return switch (kind) {
            case MACHINE, ASSEMBLY, BATCH -> 0;
            case SOURCE -> 1;
            case SINK -> 2;
        };
    }
}
