package io.linetwin.sim;

/**
 * Checks run after every event when a simulation is built with invariant checks (tests): time never goes
 * backwards, no buffer holds more than its capacity, and every station's bookkeeping matches what it holds (for
 * a machine: a blocked server holds exactly one finished part, an idle one none, and the state counts match the
 * servers; see each {@link StationBlock#checkInvariants}).
 */
final class InvariantChecks {

    private InvariantChecks() {}

    static void check(double now, double previous, StationBlock[] stations, Buffer[] buffers) {
        if (now < previous) {
            throw new IllegalStateException("time must not go backwards, got " + now + " after " + previous);
        }
        for (Buffer buffer : buffers) {
            if (buffer.level() > buffer.capacity() || buffer.level() < 0) {
                throw new IllegalStateException("buffer " + buffer.id() + " level must be in [0, " + buffer.capacity()
                        + "], got " + buffer.level() + " at " + now);
            }
        }
        for (StationBlock station : stations) {
            station.checkInvariants(now);
        }
    }
}
