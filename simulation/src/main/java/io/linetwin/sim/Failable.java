package io.linetwin.sim;

/**
 * Equipment that failures stop: a machine, an assembly or a conveyor. Its {@link FailureModes} decide when a
 * failure strikes and when the equipment is up again; the equipment says whether it is halted and does what
 * stopping and restarting mean for it.
 */
interface Failable {

    /** Down, off shift or in a planned stop: a failure that comes due now waits until the equipment is next up. */
    boolean halted();

    /** A failure strikes the running equipment: it stops now (its repair is scheduled right after). */
    void fail(double now);

    /** Its last repair ended and no other failure waits: it is up again, unless something else still halts it. */
    void repaired(double now);
}
