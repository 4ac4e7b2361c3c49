package io.linetwin.app.health;

import io.linetwin.predict.health.TimeToFailure;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.RulReadings;
import io.linetwin.twin.ThingUpdate;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinFeatures;
import io.linetwin.twin.sync.SignalSink;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonPointer;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;

/**
 * The monitor's core, apart from Kafka: takes the twin's applied changes (readings and states of the watched
 * machines), keeps each machine's history ({@link WatchedMachine}), and on {@link #publish()} writes each new
 * estimate into the twin and raises or clears the alarm.
 *
 * <p>An estimate goes to the twin as a Ditto {@code modify} of {@code features/health/properties/rul} with
 * {@code {seconds, sdSeconds, at, model}} (operating seconds; {@code at} the line time of the last reading it
 * read), to whoever owns the Thing's revisions (Ditto, or the emulator standing in for it), which publishes it as
 * the Thing's next event; publishing an event with a revision of its own would collide with the line's. Not every
 * estimate goes out (one per reading would flood the twin): {@link #publish()} sends each machine's latest, and with
 * {@link #roundsEvery} that happens once per round of the machine's line time, also while catching up on old events.
 *
 * <p>The alarm: P(failure within {@code horizon} of operation) from the estimate's lognormal
 * ({@link TimeToFailure}) at or above {@code threshold}; one line when it is raised and one when it clears.
 */
final class RulMonitor {

    private static final JsonPointer READINGS =
            JsonPointer.of("/features/" + TwinFeatures.HEALTH + "/properties/" + TwinFeatures.READINGS);
    private static final JsonPointer STATUS = JsonPointer.of("/features/" + TwinFeatures.STATUS + "/properties");
    private static final JsonPointer STATE = STATUS.append(JsonPointer.of(TwinFeatures.STATE));
    private static final long SEND_TIMEOUT_SECONDS = 30;

    private final LineDescriptor line;
    private final Map<ThingId, WatchedMachine> machines = new LinkedHashMap<>();
    private final SignalSink commands;
    private final double horizonSeconds;
    private final double threshold;
    private final PrintWriter out;
    private final BlockingQueue<TwinEvent.Applied> queue = new LinkedBlockingQueue<>();
    private final Map<String, Instant> published = new HashMap<>();
    private final Map<ThingId, Instant> nextRound = new HashMap<>();
    private double roundLineSeconds;
    private final Set<String> alarmed = new HashSet<>();
    private long estimatesPublished;
    private long alarms;
    private long correlation;

    RulMonitor(
            LineDescriptor line,
            List<WatchedMachine> watched,
            SignalSink commands,
            double horizonSeconds,
            double threshold,
            PrintWriter out) {
        this.line = line;
        for (WatchedMachine machine : watched) {
            machines.put(line.thingIdOf(machine.machine()), machine);
        }
        this.commands = commands;
        this.horizonSeconds = horizonSeconds;
        this.threshold = threshold;
        this.out = out;
    }

    /**
     * Writes each machine's latest estimate whenever its own events pass another {@code lineSeconds} of line time
     * (their timestamps, not the wall clock): the same rounds whether the line runs in real time, at an emulator's
     * speed, or is replayed, and however the events are split between {@link #drain} calls. Each machine keeps its
     * own rounds because only its own events arrive in the line's order (one partition per Thing).
     */
    RulMonitor roundsEvery(double lineSeconds) {
        if (!(lineSeconds > 0) || Double.isInfinite(lineSeconds)) {
            throw new IllegalArgumentException("lineSeconds must be > 0 and finite, got " + lineSeconds);
        }
        this.roundLineSeconds = lineSeconds;
        return this;
    }

    /** For the twin's store: queues the changes of watched machines (called on the consumer's thread). */
    Consumer<TwinEvent> listener() {
        return event -> {
            if (event instanceof TwinEvent.Applied applied
                    && machines.containsKey(applied.update().thingId())) {
                queue.add(applied);
            }
        };
    }

    /** Feeds the queued changes to the machines; waits up to {@code waitMillis} for the first one. */
    void drain(long waitMillis) throws InterruptedException {
        // Without a wait, no interrupt can cut short the last drain of a stopping monitor.
        TwinEvent.Applied first = waitMillis > 0 ? queue.poll(waitMillis, TimeUnit.MILLISECONDS) : queue.poll();
        if (first == null) {
            return;
        }
        List<TwinEvent.Applied> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch);
        for (TwinEvent.Applied applied : batch) {
            if (roundLineSeconds > 0) {
                roundBefore(applied);
            }
            apply(applied);
        }
    }

    /** At the first event of a machine past its round's end: its estimate as of that end goes out first. */
    private void roundBefore(TwinEvent.Applied applied) {
        ThingId thing = applied.update().thingId();
        Instant at = applied.update().timestamp().orElse(applied.appliedAt());
        Instant due = nextRound.get(thing);
        long roundNanos = Math.round(roundLineSeconds * 1e9);
        if (due == null) {
            nextRound.put(thing, at.plusNanos(roundNanos));
            return;
        }
        if (at.isBefore(due)) {
            return;
        }
        publish(Map.of(thing, machines.get(thing)));
        long behind = Duration.between(due, at).toNanos() / roundNanos;
        nextRound.put(thing, due.plusNanos((behind + 1) * roundNanos));
    }

    void apply(TwinEvent.Applied applied) {
        ThingUpdate update = applied.update();
        WatchedMachine machine = machines.get(update.thingId());
        if (machine == null || update.value().isEmpty()) {
            return;
        }
        Instant at = update.timestamp().orElse(applied.appliedAt());
        JsonPointer path = update.path();
        JsonValue value = update.value().get();
        if (path.equals(STATE) && value.isString()) {
            machine.onState(at, value.asString());
        } else if (path.equals(STATUS) && value.isObject()) {
            value.asObject()
                    .getValue(TwinFeatures.STATE)
                    .filter(JsonValue::isString)
                    .ifPresent(state -> machine.onState(at, state.asString()));
        } else if (startsWith(path, READINGS) && path.getLevelCount() == READINGS.getLevelCount() + 1) {
            if (value.isNumber()) {
                machine.onReading(at, path.getLeaf().orElseThrow().toString(), value.asDouble());
            }
        } else if (path.equals(READINGS) && value.isObject()) {
            for (var field : value.asObject()) {
                if (field.getValue().isNumber()) {
                    machine.onReading(at, field.getKeyName(), field.getValue().asDouble());
                }
            }
        }
    }

    private static boolean startsWith(JsonPointer path, JsonPointer prefix) {
        if (path.getLevelCount() < prefix.getLevelCount()) {
            return false;
        }
        for (int i = 0; i < prefix.getLevelCount(); i++) {
            if (!path.get(i).equals(prefix.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** Sends each machine's estimate made since the last call into the twin; raises and clears alarms. */
    void publish() {
        publish(machines);
    }

    private void publish(Map<ThingId, WatchedMachine> which) {
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (Map.Entry<ThingId, WatchedMachine> e : which.entrySet()) {
            Optional<WatchedMachine.Estimate> latest = e.getValue().latest();
            if (latest.isEmpty()
                    || latest.get().at().equals(published.get(e.getValue().machine()))) {
                continue;
            }
            WatchedMachine.Estimate estimate = latest.get();
            published.put(estimate.machine(), estimate.at());
            JsonObject rul = JsonObject.newBuilder()
                    .set(TwinFeatures.RUL_SECONDS, round(estimate.seconds()))
                    .set(RulReadings.SD_SECONDS, round(estimate.sdSeconds()))
                    .set(TwinFeatures.RUL_AT, estimate.at().toString())
                    .set("model", estimate.modelId())
                    .build();
            sent.add(commands.send(DittoMessages.modifyProperty(
                            e.getKey(),
                            TwinFeatures.HEALTH,
                            TwinFeatures.RUL,
                            rul,
                            "health-monitor-" + (++correlation)))
                    .toCompletableFuture());
            estimatesPublished++;
            double risk = risk(estimate);
            out.printf(
                    Locale.ROOT,
                    "%s %-12s RUL %s ± %s of operation, P(failure within %s) %.2f, %d readings "
                            + "since repair (%s)%n",
                    estimate.at(),
                    estimate.machine(),
                    hours(estimate.seconds()),
                    hours(estimate.sdSeconds()),
                    hours(horizonSeconds),
                    risk,
                    estimate.rows(),
                    estimate.modelId());
            if (risk >= threshold && alarmed.add(estimate.machine())) {
                alarms++;
                out.printf(
                        Locale.ROOT,
                        "ALARM %s: P(failure within %s of operation) = %.2f >= %.2f (RUL %s ± %s, " + "at %s)%n",
                        estimate.machine(),
                        hours(horizonSeconds),
                        risk,
                        threshold,
                        hours(estimate.seconds()),
                        hours(estimate.sdSeconds()),
                        estimate.at());
            } else if (risk < threshold && alarmed.remove(estimate.machine())) {
                out.printf(
                        Locale.ROOT,
                        "clear %s: P(failure within %s of operation) = %.2f < %.2f (at %s)%n",
                        estimate.machine(),
                        hours(horizonSeconds),
                        risk,
                        threshold,
                        estimate.at());
            }
        }
        out.flush();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new))
                .orTimeout(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS)
                .join();
    }

    double risk(WatchedMachine.Estimate estimate) {
        return new TimeToFailure(Math.max(estimate.seconds(), 1e-3), estimate.sdSeconds())
                .probabilityWithin(horizonSeconds);
    }

    /** Rows of the machine's history behind its latest estimate (0 before any). */
    int latestRows(String machine) {
        return machines.values().stream()
                .filter(m -> m.machine().equals(machine))
                .findFirst()
                .flatMap(WatchedMachine::latest)
                .map(WatchedMachine.Estimate::rows)
                .orElse(0);
    }

    long published() {
        return estimatesPublished;
    }

    long alarms() {
        return alarms;
    }

    Set<String> alarmed() {
        return Set.copyOf(alarmed);
    }

    LineDescriptor line() {
        return line;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    static String hours(double seconds) {
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%.1f h", seconds / 3600)
                : String.format(Locale.ROOT, "%.0f min", seconds / 60);
    }
}
