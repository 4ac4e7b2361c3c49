package io.linetwin.sim;

import io.linetwin.model.Distribution;
import io.linetwin.model.OnFull;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Releases parts into the line: with unlimited supply whenever the next buffer has room, else one per
 * arrival. An arrival that finds no room is held (arrivals stop until it is placed; the next interarrival
 * time counts from the placement) or dropped and counted lost. A part counts as released when it enters the
 * line, so a held part is not yet work in process. A speed parameter divides the interarrival times (speed 1.2:
 * a fifth more arrivals); it does nothing to unlimited supply.
 */
final class Source implements Upstream {

    private final Model model;
    private final String id;
    private final Distribution interarrival;
    private final double speed;
    private final OnFull onFull;
    private final RandomGenerator arrivals;
    private final ProductMix mix;
    private final Event arrival;
    private final PartFlows flows;
    private final PartRelease release;
    private Downstream outbound;
    private boolean holding;
    private int heldProduct;
    private double nextArrivalSeconds = Double.NaN;

    Source(
            Model model,
            String id,
            Distribution interarrival,
            double speed,
            OnFull onFull,
            RandomGenerator arrivals,
            ProductMix mix) {
        this.model = model;
        this.id = id;
        this.interarrival = interarrival;
        this.speed = speed;
        this.onFull = onFull;
        this.arrivals = arrivals;
        this.mix = mix;
        this.flows = new PartFlows(model.productCount());
        this.release = new PartRelease(model, id, mix, flows);
        this.arrival = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                arrive(now);
            }
        };
    }

    void connect(Downstream to) {
        this.outbound = to;
    }

    void start(double now) {
        if (interarrival == null || holding) {
            roomAvailable();
        } else if (!Double.isNaN(nextArrivalSeconds)) {
            model.schedule.scheduleOnce(nextArrivalSeconds, Ordering.ARRIVAL, arrival);
        } else {
            scheduleNextArrival(now);
        }
    }

    PartFlows flows() {
        return flows;
    }

    String id() {
        return id;
    }

    boolean hasArrivals() {
        return interarrival != null;
    }

    boolean holding() {
        return holding;
    }

    int heldProduct() {
        return heldProduct;
    }

    /** When the next arrival is due; NaN while holding an arrival or with unlimited supply. */
    double nextArrivalSeconds() {
        return holding ? Double.NaN : nextArrivalSeconds;
    }

    /** Warm start, before {@link #start}: an arrival of {@code product} waits for room. */
    void restoreHeld(int product) {
        holding = interarrival != null;
        heldProduct = product;
    }

    /** Warm start, before {@link #start}: the next arrival comes at {@code atSeconds}. */
    void restoreNextArrival(double atSeconds) {
        nextArrivalSeconds = atSeconds;
    }

    @Override
    public void roomAvailable() {
        if (interarrival == null) {
            while (outbound.canAccept()) {
                place(release.next());
            }
        } else if (holding && outbound.canAccept()) {
            holding = false;
            place(release.of(heldProduct));
            scheduleNextArrival(model.now());
        }
    }

    private void arrive(double now) {
        int product = mix.draw();
        if (outbound.canAccept()) {
            place(release.of(product));
            scheduleNextArrival(now);
        } else if (onFull == OnFull.BLOCK) {
            holding = true;
            heldProduct = product;
        } else {
            model.loseArrival();
            scheduleNextArrival(now);
        }
    }

    /** A released part passes straight on: a source holds no stock. */
    private void place(Part part) {
        flows.out(part);
        outbound.accept(part);
    }

    private void scheduleNextArrival(double now) {
        nextArrivalSeconds = now + interarrival.sample(arrivals) / speed;
        model.schedule.scheduleOnce(nextArrivalSeconds, Ordering.ARRIVAL, arrival);
    }
}
