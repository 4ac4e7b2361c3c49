package io.linetwin.twin.sync;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonObject;
import org.eclipse.ditto.json.JsonValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a recording of Ditto Protocol messages at a speed factor. One message per line:
 * {@code {"at":"2026-11-28T06:00:00.250Z","message":{...Ditto Protocol...}}}. Message {@code k} is handed
 * over when {@code (at_k - at_0) / speed} has passed since playing began; the clock and the sleeper are
 * injected, so tests play hours of recording without waiting.
 */
public final class ReplayFile {

    private static final Logger LOG = LoggerFactory.getLogger(ReplayFile.class);

    /** How the player waits; {@code Thread::sleep} in production, a clock-advancing fake in tests. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;

        Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
    }

    /**
     * @param played  messages handed to the sink
     * @param skipped lines that were not a recording entry (logged)
     */
    public record Result(long played, long skipped) {
        public Result {
            if (played < 0 || skipped < 0) {
                throw new IllegalArgumentException("counts must be >= 0, got " + played + ", " + skipped);
            }
        }
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final double speed;

    /** @param speed recording seconds per wall second; {@code Double.POSITIVE_INFINITY} plays without waiting */
    public ReplayFile(Clock clock, Sleeper sleeper, double speed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be > 0, got " + speed);
        }
        this.speed = speed;
    }

    public Result play(Path file, Consumer<String> sink) throws IOException, InterruptedException {
        long played = 0;
        long skipped = 0;
        Instant firstAt = null;
        Instant startedAt = clock.instant();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                Instant at;
                String message;
                try {
                    JsonObject entry = JsonFactory.newObject(line);
                    at = Instant.parse(entry.getValue("at")
                            .filter(JsonValue::isString)
                            .orElseThrow(() -> new IllegalArgumentException("missing \"at\""))
                            .asString());
                    message = entry.getValue("message")
                            .filter(JsonValue::isObject)
                            .orElseThrow(() -> new IllegalArgumentException("missing \"message\" object"))
                            .toString();
                } catch (RuntimeException e) {
                    skipped++;
                    LOG.warn("{}:{}: not a recording entry ({}), skipped", file, lineNo, e.getMessage());
                    continue;
                }
                if (firstAt == null) {
                    firstAt = at;
                }
                if (Double.isFinite(speed)) {
                    long offsetNanos = (long) (Duration.between(firstAt, at).toNanos() / speed);
                    Duration wait = Duration.between(clock.instant(), startedAt.plusNanos(offsetNanos));
                    if (!wait.isNegative() && !wait.isZero()) {
                        sleeper.sleep(wait);
                    }
                }
                sink.accept(message);
                played++;
            }
        }
        return new Result(played, skipped);
    }

    /** Writes a recording entry; the line emulator and tests record with this. */
    public static void append(BufferedWriter out, Instant at, String dittoProtocolJson) throws IOException {
        out.write(JsonFactory.newObjectBuilder()
                .set("at", at.toString())
                .set("message", JsonFactory.newObject(dittoProtocolJson))
                .build()
                .toString());
        out.newLine();
    }
}
