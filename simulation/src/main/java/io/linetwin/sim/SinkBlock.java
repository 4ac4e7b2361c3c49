package io.linetwin.sim;

import io.linetwin.model.StationKind;
import io.linetwin.model.StationState;
import java.util.Optional;

/** A {@link Sink} as a station block: parts leave the line at once, so it has no state to capture or restore. */
final class SinkBlock implements StationBlock {

    private final Sink sink;
    private final String id;

    SinkBlock(Sink sink, String id) {
        this.sink = sink;
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public StationKind kind() {
        return StationKind.SINK;
    }

    @Override
    public Upstream feeder() {
        return null;
    }

    @Override
    public Downstream taker() {
        return sink;
    }

    @Override
    public void connect(Upstream inbound, Downstream outbound, Router routes) {}

    @Override
    public void start(double now) {}

    /** A sink takes parts whenever they come. */
    @Override
    public void shiftChanges(boolean working, double now) {}

    @Override
    public MaterialNeeds materials() {
        return MaterialNeeds.NONE;
    }

    @Override
    public void openWindow(double now) {}

    @Override
    public void closeWindow(double now) {}

    @Override
    public long partsHeld() {
        return 0;
    }

    @Override
    public void balance(PartBalances balances) {
        balances.add(id, "sink", sink.flows(), PartBalances.Stock.NONE);
    }

    /** A sink's entry in a state is ignored, so none is written. */
    @Override
    public void capture(double now, Snapshot.Sheet sheet) {}

    @Override
    public void restore(StationState state, WarmStart from, double now) {}

    @Override
    public void checkInvariants(double now) {}

    @Override
    public Optional<StationResult> result(double horizonSeconds, BottleneckDetector bottleneck) {
        return Optional.empty();
    }
}
