package io.linetwin.sim;

/**
 * A link between two stations that holds parts in FIFO order: a plain buffer (parts wait, none travel) or a
 * conveyor (parts travel, then accumulate). Its capacity counts the parts it holds.
 */
sealed interface Buffer extends Downstream, Upstream permits FifoBuffer, Conveyor, AgvLink {

    void connect(Upstream from, Downstream to);

    String id();

    Downstream downstream();

    int capacity();

    int level();

    /** The {@code index}-th part from the front (the next to leave). */
    Part waiting(int index);

    /** The parts that crossed this link's ends in the window. */
    PartFlows flows();

    /** Warm start: {@code part} joins at the back without being offered on. */
    void restore(Part part);
}
