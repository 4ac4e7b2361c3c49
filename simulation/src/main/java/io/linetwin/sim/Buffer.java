package io.linetwin.sim;

/**
 * A link between two stations that holds parts in FIFO order: a plain buffer (parts wait, none travel), a
 * conveyor (parts travel, then accumulate) or an AGV move. Its capacity counts the parts it holds. What every
 * link has alike — its id, its two ends and its part flows — lives here.
 */
abstract sealed class Buffer implements Downstream, Upstream permits FifoBuffer, Conveyor, AgvLink {

    private final String id;
    private final PartFlows flows;
    private Upstream upstream;
    private Downstream downstream;

    Buffer(String id, int productCount) {
        this.id = id;
        this.flows = new PartFlows(productCount);
    }

    final void connect(Upstream from, Downstream to) {
        this.upstream = from;
        this.downstream = to;
    }

    final String id() {
        return id;
    }

    final Upstream upstream() {
        return upstream;
    }

    final Downstream downstream() {
        return downstream;
    }

    /** The parts that crossed this link's ends in the window. */
    final PartFlows flows() {
        return flows;
    }

    abstract int capacity();

    abstract int level();

    /** The {@code index}-th part from the front (the next to leave). */
    abstract Part waiting(int index);

    /** Warm start: {@code part} joins at the back without being offered on. */
    abstract void restore(Part part);
}
