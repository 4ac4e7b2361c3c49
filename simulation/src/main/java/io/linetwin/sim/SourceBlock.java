package io.linetwin.sim;

import io.linetwin.model.MachineCondition;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationState;
import java.util.Optional;
import java.util.OptionalDouble;

/** A {@link Source} as a station block: it holds no stock, so only its arrival clock is captured and restored. */
final class SourceBlock implements StationBlock {

    private final Source source;

    SourceBlock(Source source) {
        this.source = source;
    }

    @Override
    public String id() {
        return source.id();
    }

    @Override
    public StationKind kind() {
        return StationKind.SOURCE;
    }

    @Override
    public Upstream feeder() {
        return source;
    }

    @Override
    public Downstream taker() {
        return null;
    }

    @Override
    public void connect(Upstream inbound, Downstream outbound, Router routes) {
        source.connect(outbound);
    }

    @Override
    public void start(double now) {
        source.start(now);
    }

    /** A source releases parts whatever the calendar: the stations it feeds stop off shift. */
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
        balances.add(id(), "source", source.flows(), PartBalances.Stock.NONE);
    }

    @Override
    public void capture(double now, Snapshot.Sheet sheet) {
        sheet.stations().put(id(), new StationState(condition(now, sheet.model()), Optional.empty(), 0, 0));
    }

    private MachineCondition condition(double now, Model model) {
        if (source.holding()) {
            return new MachineCondition.Blocked(Snapshot.product(model, source.heldProduct()));
        }
        if (source.hasArrivals() && !Double.isNaN(source.nextArrivalSeconds())) {
            return new MachineCondition.Working(
                    Optional.empty(), OptionalDouble.of(Math.max(0, source.nextArrivalSeconds() - now)));
        }
        return new MachineCondition.Starved();
    }

    @Override
    public void restore(StationState state, WarmStart from, double now) {
        MachineCondition condition = state.condition();
        if (condition instanceof MachineCondition.Blocked blocked) {
            source.restoreHeld(blocked.heldProduct().map(from::productIndex).orElse(0));
        } else if (condition instanceof MachineCondition.Working working
                && working.remainingSeconds().isPresent()) {
            source.restoreNextArrival(now + working.remainingSeconds().getAsDouble());
        }
    }

    @Override
    public void checkInvariants(double now) {}

    @Override
    public Optional<StationResult> result(double horizonSeconds, BottleneckDetector bottleneck) {
        return Optional.empty();
    }
}
