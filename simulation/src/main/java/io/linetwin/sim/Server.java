package io.linetwin.sim;

/**
 * One server of a machine: what it holds and the event that ends its current phase (setup or processing).
 * A failure orphans that event by giving the server a fresh one, so no cancellation is needed and the rare
 * allocation happens only then.
 */
final class Server {

    private final Machine machine;
    private final Model model;
    private final int index;
    private Event phaseEnd;
    private int state = ServerState.STARVED;
    private Part part;
    private int lastProduct = -1;
    private int route;
    private double endsAtSeconds;
    private double remainingSeconds;

    Server(Machine machine, int index) {
        this.machine = machine;
        this.model = machine.model();
        this.index = index;
        this.phaseEnd = newPhaseEnd();
    }

    int state() {
        return state;
    }

    void state(int newState) {
        state = newState;
        if (model.tracing()) {
            model.traceState(machine.id(), index, newState);
        }
    }

    Part part() {
        return part;
    }

    void hold(Part newPart) {
        part = newPart;
    }

    Part release() {
        Part held = part;
        part = null;
        return held;
    }

    /** The outbound route its finished part waits for (stations with several outbound buffers). */
    int route() {
        return route;
    }

    void route(int index) {
        route = index;
    }

    int lastProduct() {
        return lastProduct;
    }

    void lastProduct(int product) {
        lastProduct = product;
    }

    void endPhaseIn(double now, double durationSeconds) {
        endsAtSeconds = now + durationSeconds;
        model.schedule.scheduleOnce(endsAtSeconds, Ordering.SERVER, phaseEnd);
    }

    /** Time left in the current phase: from its event while running, else as frozen by the last interrupt. */
    double remainingSeconds(double now, boolean interrupted) {
        return interrupted ? remainingSeconds : endsAtSeconds - now;
    }

    void interrupt(double now) {
        remainingSeconds = endsAtSeconds - now;
        phaseEnd = newPhaseEnd();
    }

    void resume(double now) {
        endPhaseIn(now, remainingSeconds);
    }

    private Event newPhaseEnd() {
        return new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                if (phaseEnd == this) {
                    machine.phaseEnds(Server.this, now);
                }
            }
        };
    }
}
