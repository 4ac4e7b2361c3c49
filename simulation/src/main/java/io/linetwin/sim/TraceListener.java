package io.linetwin.sim;

/**
 * Receives the {@link TraceEvent}s of one traced replication, on the thread that runs it, in simulated-time
 * order. A listener must not call back into the simulation. Without a listener the engine builds no events at
 * all: every trace point is one test of a final boolean.
 */
@FunctionalInterface
public interface TraceListener {

    void on(TraceEvent event);
}
