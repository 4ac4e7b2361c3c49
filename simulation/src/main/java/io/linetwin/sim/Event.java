package io.linetwin.sim;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * One kind of event on the replication's schedule. Counting here, in the one place every step passes through,
 * makes {@code events} exactly the number of MASON steppable runs at the cost of one increment.
 */
abstract class Event implements Steppable {

    private static final long serialVersionUID = 1L;

    private final Model model;

    Event(Model model) {
        this.model = model;
    }

    @Override
    public final void step(SimState state) {
        model.beginEvent();
        fire(model.now());
        model.afterEvent();
    }

    final Model model() {
        return model;
    }

    abstract void fire(double now);
}
