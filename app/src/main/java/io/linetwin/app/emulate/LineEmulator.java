package io.linetwin.app.emulate;

import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.TraceEvent;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.sync.SignalSink;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleConsumer;

/**
 * Runs a scenario's line as a stand-in for the real one, in chunks of engine time.
 *
 * <p>Chunking: chunk k warm-starts the engine from the state at the end of chunk k−1 (a {@code LineState}
 * snapshot, with the emulator's current parameters) and runs it traced for {@code chunkSeconds}, as
 * replication k of the run's seed, so no chunk repeats another's random draws. The engine's counters start
 * at zero in each chunk, so the emulator adds them up. The engine's snapshot of the
 * same replication at the chunk's end (the same draws) becomes the next start state. Within a chunk, trace
 * events and sensor readings go out in engine-time order, each when the {@link Pacer} says its time has come;
 * at the end, the state's changes are published ({@link StateToDitto}), which makes the twin equal the
 * emulator's state once they are applied. Parameter changes received meanwhile take effect at the next chunk
 * boundary and are confirmed by their {@code parameters/<name>} event; so are the remaining-life estimates a
 * predictor writes into the twin ({@link HealthEstimate}), published as the Thing's {@code health/rul} event.
 */
public final class LineEmulator {

    private final LineSimulation simulation;
    private final long seed;
    private final double chunkSeconds;
    private final Pacer pacer;
    private final CommandSource commands;
    private final EmulatedClock clock;
    private final DittoEventWriter writer;
    private final TraceToDitto trace;
    private final StateToDitto states;
    private final SensorFeed sensors;
    private final Map<String, Map<String, Double>> parameters = new HashMap<>();
    private LineState state;
    private int chunk;
    private DoubleConsumer afterChunk = clockSeconds -> {};
    private int chunksRun;
    private volatile Instant lineTime;

    /**
     * @param simulation     the line's engine (started at the week offset of {@code start})
     * @param sink           where the events go
     * @param start          the emulated instant of engine time 0: the line's own clock, stamped on every event
     * @param seed           seed of the run
     * @param chunkSeconds   engine seconds per chunk: how often state is reconciled and commands take effect
     * @param sensorSeconds  engine seconds between sensor readings
     * @param pacer          holds engine time to wall time
     * @param commands       hands over the parameter changes received since the last call
     */
    public LineEmulator(
            LineSimulation simulation,
            SignalSink sink,
            Instant start,
            long seed,
            double chunkSeconds,
            double sensorSeconds,
            Pacer pacer,
            CommandSource commands) {
        this(simulation, sink, seed, chunkSeconds, sensorSeconds, pacer, commands, EmulatorStart.fresh(start));
    }

    /**
     * The same, starting where {@code from} says: a fresh line at an instant, or the line as the events topic
     * left it ({@link EmulatorResume}): its state, each Thing's last revision (the next event continues from
     * it, so the twin takes it) and the values last published (only real changes go out).
     */
    public LineEmulator(
            LineSimulation simulation,
            SignalSink sink,
            long seed,
            double chunkSeconds,
            double sensorSeconds,
            Pacer pacer,
            CommandSource commands,
            EmulatorStart from) {
        if (!(chunkSeconds > 0) || Double.isInfinite(chunkSeconds)) {
            throw new IllegalArgumentException("chunk must be > 0 seconds, got " + chunkSeconds);
        }
        LineSpec line = simulation.line();
        LineDescriptor things = LineDescriptors.of(line);
        this.simulation = simulation;
        this.seed = seed;
        this.chunkSeconds = chunkSeconds;
        this.pacer = pacer;
        this.commands = commands;
        this.clock = new EmulatedClock(from.at());
        this.writer = new DittoEventWriter(things, sink, from.revisions(), from.published());
        this.sensors = new SensorFeed(things, writer, clock, sensorSeconds, seed);
        this.trace = new TraceToDitto(writer, clock, sensors, from.stationStates());
        this.states = new StateToDitto(
                writer, trace, line.products().stream().map(ProductSpec::id).toList());
        for (StationSpec station : line.stations()) {
            Map<String, Double> values = new HashMap<>();
            station.parameters()
                    .forEach((name, spec) -> values.put(
                            name,
                            from.state()
                                    .map(st -> st.parameters()
                                            .getOrDefault(station.id(), Map.of())
                                            .getOrDefault(name, spec.value()))
                                    .orElse(spec.value())));
            parameters.put(station.id(), values);
        }
        this.chunk = from.firstChunk();
        this.lineTime = from.at();
        this.state = withParameters(from.state().orElse(LineState.empty(from.at())));
        this.resumed = from.state().isPresent();
    }

    private final boolean resumed;

    /** The line's clock now: the instant of the latest event handed to the sink. */
    public Instant lineTime() {
        return lineTime;
    }

    /** The parameter values the line runs with (station → name → value), for the command checks. */
    public Map<String, Map<String, Double>> parameters() {
        Map<String, Map<String, Double>> copy = new HashMap<>();
        parameters.forEach((station, values) -> copy.put(station, Map.copyOf(values)));
        return copy;
    }

    /** Tells {@code listener} the engine time reached after each chunk (the CLI's progress). */
    public LineEmulator afterEachChunk(DoubleConsumer listener) {
        this.afterChunk = java.util.Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** Runs chunks until {@code durationSeconds} of engine time have passed (the last chunk may be shorter). */
    public void run(double durationSeconds) throws InterruptedException {
        while (state.clockSeconds() < durationSeconds - 1e-9) {
            step(Math.min(chunkSeconds, durationSeconds - state.clockSeconds()));
        }
    }

    /** Runs chunks until the thread is interrupted (the CLI without {@code --duration}). */
    public void runForever() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            step(chunkSeconds);
        }
        throw new InterruptedException();
    }

    /** One chunk of {@code seconds} engine seconds; returns once its events are accepted by the sink. */
    public void step(double seconds) throws InterruptedException {
        double from = state.clockSeconds();
        applyCommands(from);
        List<TraceEvent> events = new ArrayList<>();
        simulation.run(state, 0, seconds, seed, chunk, events::add);
        Instant endAt = clock.at(from + seconds);
        LineState end = simulation.snapshot(state, seconds, seed, chunk, endAt);
        for (TraceEvent event : events) {
            sensors.publishUntil(event.timeSeconds());
            pacer.awaitSimSeconds(event.timeSeconds());
            trace.accept(event);
            lineTime = clock.at(event.timeSeconds());
        }
        sensors.publishUntil(end.clockSeconds());
        pacer.awaitSimSeconds(end.clockSeconds());
        lineTime = endAt;
        // The engine counts on from the state's counters, and what is in flight (vehicles on their way, places on a
        // belt, parts staged at an assembly, timers, planned stops) goes on as it is: an AGV trip or a belt longer
        // than a chunk finishes in the next one.
        state = withParameters(end);
        states.publish(state, endAt);
        writer.flush();
        chunk = chunk == Integer.MAX_VALUE ? 0 : chunk + 1;
        chunksRun++;
        afterChunk.accept(state.clockSeconds());
    }

    /**
     * Applies the commands received since the last boundary and publishes their confirmation; only once the
     * events topic holds it does the source learn they took effect (and may answer and forget them).
     */
    private void applyCommands(double at) {
        boolean changed = false;
        for (ParameterChange change : commands.drain()) {
            parameters.get(change.station()).put(change.name(), change.value());
            changed = true;
        }
        List<HealthEstimate> estimates = commands.drainedEstimates();
        if (changed || !parametersPublished) {
            state = withParameters(state);
            states.parameters(state.parameters(), clock.at(at));
            parametersPublished = true;
        }
        for (HealthEstimate estimate : estimates) {
            writer.set(estimate.station(), TwinFeatures.HEALTH, TwinFeatures.RUL, estimate.rul(), clock.at(at));
        }
        writer.flush();
        if (changed || !estimates.isEmpty()) {
            commands.applied();
        }
    }

    private boolean parametersPublished;

    private LineState withParameters(LineState s) {
        return new LineState(
                s.capturedAt(),
                s.clockSeconds(),
                s.stations(),
                s.buffers(),
                parameters,
                s.materialStocks(),
                s.inFlight());
    }

    /** The emulated line's state at the last chunk boundary (what the twin must equal once it caught up). */
    public LineState state() {
        return state;
    }

    public long eventsPublished() {
        return writer.published();
    }

    /** Chunks run by this emulator (a resumed one counts from its own start). */
    public int chunks() {
        return chunksRun;
    }

    /** Whether this emulator continued a line from the events topic. */
    public boolean resumed() {
        return resumed;
    }

    /** Operating seconds since the last repair of a station with sensors (the degradation model's age). */
    public double operatingSeconds(String station) {
        return sensors.operatingSeconds(station, state.clockSeconds());
    }
}
