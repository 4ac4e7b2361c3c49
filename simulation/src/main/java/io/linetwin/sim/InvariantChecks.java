package io.linetwin.sim;

/**
 * Checks run after every event when a simulation is built with invariant checks (tests): time never goes
 * backwards, no buffer holds more than its capacity, every server's state matches what it holds (a blocked
 * server holds exactly one finished part, an idle one none), and the state counts match the servers.
 */
final class InvariantChecks {

    private InvariantChecks() {}

    static void check(double now, double previous, Machine[] machines, Buffer[] buffers) {
        if (now < previous) {
            throw new IllegalStateException("time must not go backwards, got " + now + " after " + previous);
        }
        for (Buffer buffer : buffers) {
            if (buffer.level() > buffer.capacity() || buffer.level() < 0) {
                throw new IllegalStateException("buffer " + buffer.id() + " level must be in [0, " + buffer.capacity()
                        + "], got " + buffer.level() + " at " + now);
            }
        }
        for (Machine machine : machines) {
            int[] counted = new int[ServerState.COUNT];
            for (int i = 0; i < machine.serverCount(); i++) {
                Server server = machine.server(i);
                counted[server.state()]++;
                boolean holds = server.part() != null;
                boolean shouldHold = server.state() != ServerState.STARVED;
                if (holds != shouldHold) {
                    throw new IllegalStateException("machine " + machine.id() + " server " + i + " in state "
                            + server.state() + " must " + (shouldHold ? "hold one part" : "hold no part")
                            + ", got " + (holds ? "one" : "none") + " at " + now);
                }
            }
            for (int state = 0; state < ServerState.COUNT; state++) {
                if (counted[state] != machine.stats().serversIn(state)) {
                    throw new IllegalStateException(
                            "machine " + machine.id() + " must count " + counted[state] + " servers in state " + state
                                    + ", got " + machine.stats().serversIn(state));
                }
            }
        }
    }
}
