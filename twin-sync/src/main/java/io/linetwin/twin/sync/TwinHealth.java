package io.linetwin.twin.sync;

import io.linetwin.twin.RejectReason;
import io.linetwin.twin.StaleReason;
import io.linetwin.twin.TwinStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonObjectBuilder;

/**
 * How well the twin keeps up with the line: what {@code twin follow} prints and the live loop checks before it
 * trusts a snapshot.
 *
 * @param consumer      what the Kafka consumer is doing
 * @param lastAppliedAt when (wall clock) the twin last applied a change; empty before the first
 * @param lineTime      the twin's time in the line's clock (the latest applied event's timestamp)
 * @param lag           records on the topic not yet read, over the partitions this twin reads; empty while unknown
 * @param stats         applied, stale (by reason) and rejected (by reason) messages since the start
 * @param deadLettered  refused messages stored as dead letters
 * @param restarts      times the consumer failed and started again
 * @param lastError     the last failure of the consumer, if any
 */
public record TwinHealth(
        ConsumerState consumer,
        Optional<Instant> lastAppliedAt,
        Instant lineTime,
        OptionalLong lag,
        TwinStore.Stats stats,
        long deadLettered,
        long restarts,
        Optional<String> lastError) {

    /** The consumer's state; {@code RESTARTING} while it waits out a back-off after a failure. */
    public enum ConsumerState {
        STARTING,
        RUNNING,
        RESTARTING,
        STOPPED
    }

    /** Lag at which the twin counts as behind the line. */
    public static final long LAGGING_RECORDS = 1_000;

    public TwinHealth {
        Objects.requireNonNull(consumer, "consumer");
        Objects.requireNonNull(lastAppliedAt, "lastAppliedAt");
        Objects.requireNonNull(lineTime, "lineTime");
        Objects.requireNonNull(lag, "lag");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(lastError, "lastError");
        if (deadLettered < 0 || restarts < 0) {
            throw new IllegalArgumentException("counts must be >= 0, got " + deadLettered + " and " + restarts);
        }
    }

    /** {@code ok}, {@code lagging} (more than {@value #LAGGING_RECORDS} records behind), {@code restarting}, {@code stopped}. */
    public String status() {
        return switch (consumer) {
            case RESTARTING -> "restarting";
            case STOPPED -> "stopped";
            case STARTING -> "starting";
            case RUNNING -> lag.isPresent() && lag.getAsLong() > LAGGING_RECORDS ? "lagging" : "ok";
        };
    }

    /** Wall time since the last applied change, or empty before the first. */
    public Optional<Duration> sinceLastApplied(Instant now) {
        return lastAppliedAt.map(at -> Duration.between(at, now));
    }

    public JsonObject toJson() {
        JsonObjectBuilder stale = JsonFactory.newObjectBuilder();
        for (StaleReason r : StaleReason.values()) {
            stale.set(r.name(), stats.staleByReason().getOrDefault(r, 0L));
        }
        JsonObjectBuilder rejected = JsonFactory.newObjectBuilder();
        for (RejectReason r : RejectReason.values()) {
            rejected.set(r.name(), stats.rejected().getOrDefault(r, 0L));
        }
        JsonObjectBuilder json = JsonFactory.newObjectBuilder()
                .set("status", status())
                .set("consumer", consumer.name())
                .set("lineTime", lineTime.toString());
        lastAppliedAt.ifPresent(at -> json.set("lastAppliedAt", at.toString()));
        lag.ifPresent(l -> json.set("lag", l));
        json.set("applied", stats.applied())
                .set("stale", stale.build())
                .set("rejected", rejected.build())
                .set("deadLettered", deadLettered)
                .set("restarts", restarts);
        lastError.ifPresent(e -> json.set("lastError", e));
        return json.build();
    }

    /** Counts of non-zero reasons only, e.g. {@code INVALID_VALUE=3 UNKNOWN_THING=1}, or {@code none}. */
    static String nonZero(Map<? extends Enum<?>, Long> counts) {
        String s = counts.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.ordinal(), b.ordinal())))
                .map(e -> e.getKey().name() + "=" + e.getValue())
                .reduce((a, b) -> a + " " + b)
                .orElse("none");
        return s;
    }

    /** One line: status, lag, applied, stale and rejected by reason, dead letters, restarts. */
    public String summary() {
        return "twin " + status() + ", lag " + (lag.isPresent() ? Long.toString(lag.getAsLong()) : "?")
                + ", applied " + stats.applied() + ", stale " + nonZero(stats.staleByReason())
                + ", rejected " + nonZero(stats.rejected()) + ", dead letters " + deadLettered
                + ", restarts " + restarts
                + lastError.map(e -> " (last error: " + e + ")").orElse("");
    }
}
