package io.linetwin.sim;

import io.linetwin.model.InFlight;
import io.linetwin.model.MaterialSpec;
import java.util.Optional;

/**
 * One material's store: stock on hand, an optional (s, Q) reorder policy reviewed after every withdrawal, and
 * the whole-run tallies for a material balance (initial + receipts − consumed = stock). Stations that wait
 * for this material are told when a delivery arrives.
 */
final class MaterialStore {

    private final Model model;
    private final String id;
    private final MaterialSpec.Reorder reorder;
    private final Event delivery;
    private Machine[] waiting = new Machine[0];
    private double stock;
    private double initial;
    private double onOrder;
    private double deliveryAtSeconds;
    private double receipts;
    private double consumed;
    private long orders;
    private long stockOuts;

    MaterialStore(Model model, MaterialSpec spec) {
        this.model = model;
        this.id = spec.id();
        this.reorder = spec.reorder().orElse(null);
        this.stock = spec.initial();
        this.initial = spec.initial();
        this.delivery = new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                deliver();
            }
        };
    }

    String id() {
        return id;
    }

    void consumer(Machine machine) {
        Machine[] bigger = new Machine[waiting.length + 1];
        System.arraycopy(waiting, 0, bigger, 0, waiting.length);
        bigger[waiting.length] = machine;
        waiting = bigger;
    }

    boolean has(double units) {
        return stock >= units;
    }

    void take(double units) {
        stock -= units;
        consumed += units;
        review();
    }

    /** A station found too little on hand to start an operation. */
    void stockOut() {
        stockOuts++;
    }

    /** Warm start: the stock on hand at the start instant replaces the initial stock. */
    void restore(double units) {
        stock = units;
        initial = units;
    }

    /** The order in flight, if any: its quantity and when it arrives. */
    Optional<InFlight.MaterialOrder> order(double now) {
        return onOrder == 0
                ? Optional.empty()
                : Optional.of(new InFlight.MaterialOrder(onOrder, Math.max(0, deliveryAtSeconds - now)));
    }

    /**
     * Warm start, before {@link #start}: an order placed before the start arrives {@code order.arrivesInSeconds()}
     * from now; it is not counted among this run's orders.
     */
    void restoreOrder(InFlight.MaterialOrder order, double now) {
        onOrder = order.quantity();
        deliveryAtSeconds = now + order.arrivesInSeconds();
        model.schedule.scheduleOnce(deliveryAtSeconds, Ordering.DELIVERY, delivery);
    }

    /** Orders are placed at the start too, when the stock already sits at or below the reorder point. */
    void start() {
        review();
    }

    private void review() {
        if (reorder == null) {
            return;
        }
        // Each order is one event object in flight; orders are placed one at a time, so with several outstanding
        // the next one is placed when the previous arrives (see deliver).
        if (onOrder == 0 && stock <= reorder.point()) {
            onOrder = reorder.quantity();
            orders++;
            deliveryAtSeconds = model.now() + reorder.leadTimeSeconds();
            model.schedule.scheduleOnce(deliveryAtSeconds, Ordering.DELIVERY, delivery);
        }
    }

    private void deliver() {
        double now = model.now();
        stock += onOrder;
        receipts += onOrder;
        onOrder = 0;
        review();
        for (Machine machine : waiting) {
            machine.materialArrived(now);
        }
    }

    double stock() {
        return stock;
    }

    double initial() {
        return initial;
    }

    double receipts() {
        return receipts;
    }

    double consumed() {
        return consumed;
    }

    long orders() {
        return orders;
    }

    long stockOuts() {
        return stockOuts;
    }
}
