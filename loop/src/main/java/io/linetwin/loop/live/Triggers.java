package io.linetwin.loop.live;

import io.linetwin.loop.TwinView;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * When the live loop runs a what-if: every {@code every} of line time, and on events — a machine went down, a buffer
 * filled past the alarm share, a remaining-useful-life estimate fell below the alarm — at most once per event gap.
 * Events count on their rising edge (a buffer that stays full triggers once); a machine going down is seen from the
 * twin store's stream, so a short stop between two ticks is not missed.
 */
final class Triggers {

    private final LoopSettings settings;
    private final List<String> machines;
    private final List<String> buffers;
    private final Set<String> full = new HashSet<>();
    private final Set<String> alarmed = new HashSet<>();
    private Instant lastWhatIf;
    private Instant lastEvent;

    Triggers(LineSpec line, LoopSettings settings) {
        this.settings = settings;
        this.machines = line.stations().stream()
                .filter(s -> s.kind().processesParts())
                .map(StationSpec::id)
                .toList();
        this.buffers = line.buffers().stream()
                .filter(b -> !b.unlimited())
                .map(b -> b.id())
                .toList();
    }

    /** Why a what-if is due now, or empty; {@code wentDown} are the machines the twin saw go down since last time. */
    Optional<String> due(Instant now, TwinView twin, Set<String> wentDown) {
        Optional<String> event = event(twin, wentDown);
        if (lastWhatIf == null) {
            return Optional.of("start");
        }
        if (seconds(lastWhatIf, now) >= settings.everySeconds()) {
            return Optional.of("every " + Durations.text(settings.everySeconds()));
        }
        if (event.isPresent() && (lastEvent == null || seconds(lastEvent, now) >= settings.eventGapSeconds())) {
            lastEvent = now;
            return event;
        }
        return Optional.empty();
    }

    void ran(Instant now) {
        lastWhatIf = now;
    }

    private Optional<String> event(TwinView twin, Set<String> wentDown) {
        Optional<String> event = wentDown.stream()
                .filter(machines::contains)
                .sorted()
                .findFirst()
                .map(m -> m + " went down");
        for (String buffer : buffers) {
            OptionalDouble fill = twin.bufferFill(buffer);
            boolean isFull = fill.isPresent() && fill.getAsDouble() > settings.bufferAlarm();
            if (isFull && full.add(buffer) && event.isEmpty()) {
                event = Optional.of(buffer + " above " + Math.round(settings.bufferAlarm() * 100) + " %");
            } else if (!isFull) {
                full.remove(buffer);
            }
        }
        for (String machine : machines) {
            OptionalDouble rul = twin.rulSeconds(machine);
            boolean alarm = rul.isPresent() && rul.getAsDouble() < settings.rulAlarmSeconds();
            if (alarm && alarmed.add(machine) && event.isEmpty()) {
                event = Optional.of(machine + " health alarm (RUL " + Durations.text(rul.getAsDouble()) + ")");
            } else if (!alarm) {
                alarmed.remove(machine);
            }
        }
        return event;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
