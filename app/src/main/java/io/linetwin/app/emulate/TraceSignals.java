package io.linetwin.app.emulate;

import io.linetwin.sim.TraceEvent;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.sync.SignalSink;
import java.time.Instant;

/**
 * The emulator's events for one uninterrupted engine run fed trace event by trace event: station states
 * ({@code status/state}, {@code status/since}) and sensor readings ({@code health/readings/<sensor>}) exactly as
 * {@link LineEmulator} publishes them inside a chunk (same state aggregation, same sensor model and per-station
 * noise), without the chunk-end reconciliation (counters, levels). For long runs streamed from the engine, such as
 * the run-to-failure histories {@code health train --from-emulator} learns from.
 */
public final class TraceSignals {

    private static final int FLUSH_EVERY = 10_000;

    private final DittoEventWriter writer;
    private final SensorFeed sensors;
    private final TraceToDitto trace;
    private int sinceFlush;

    public TraceSignals(LineDescriptor line, SignalSink sink, Instant start, long seed, double sensorSeconds) {
        EmulatedClock clock = new EmulatedClock(start);
        this.writer = new DittoEventWriter(line, sink);
        this.sensors = new SensorFeed(line, writer, clock, sensorSeconds, seed);
        this.trace = new TraceToDitto(writer, clock, sensors);
    }

    /** The readings due up to the event, then the event's state change. */
    public void accept(TraceEvent event) {
        sensors.publishUntil(event.timeSeconds());
        trace.accept(event);
        if (++sinceFlush == FLUSH_EVERY) {
            // The writer keeps every send's completion until a flush; a long run would pile them up.
            writer.flush();
            sinceFlush = 0;
        }
    }

    /** The readings due up to {@code endSeconds}; waits until the sink took everything. */
    public void finish(double endSeconds) {
        sensors.publishUntil(endSeconds);
        writer.flush();
    }
}
