package io.linetwin.app.emulate;

import java.time.Instant;

/** Maps engine time (seconds since the emulation began) to the emulated instant stamped on events. */
record EmulatedClock(Instant start) {

    Instant at(double simSeconds) {
        long nanos = Math.round(simSeconds * 1e9);
        return start.plusNanos(nanos);
    }
}
