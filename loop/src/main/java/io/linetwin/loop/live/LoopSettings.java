package io.linetwin.loop.live;

import io.linetwin.loop.gate.GateSettings;
import io.linetwin.loop.whatif.WhatIfSettings;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How the live loop runs. Times named {@code ...Seconds} are line time; {@code confirmTimeout} is wall time (a line
 * that stops reporting must not stop the clock that notices it).
 *
 * @param everySeconds       a what-if every this much line time
 * @param eventGapSeconds    at most one event-triggered what-if (machine down, buffer full, health alarm) per this
 *                           much line time
 * @param bufferAlarm        a buffer filling past this share (0.9) triggers a what-if
 * @param rulAlarmSeconds    a remaining-useful-life estimate falling below this triggers a what-if
 * @param longRepairSeconds  a repair this long is long (the built-in long-failure rule)
 * @param forSeconds         stop after this much line time (empty: until stopped)
 * @param minBeforeSeconds   a confirmed change's "before" throughput needs at least this much line time of history
 *                           before the command left; with less, the summary says so instead of giving a rate
 * @param send               false: a dry run, approved commands are printed and audited, nothing leaves
 */
public record LoopSettings(
        double everySeconds,
        double eventGapSeconds,
        double bufferAlarm,
        double rulAlarmSeconds,
        double longRepairSeconds,
        WhatIfSettings whatIf,
        GateSettings gate,
        Duration confirmTimeout,
        OptionalDouble forSeconds,
        Optional<AutoApprove> autoApprove,
        boolean send,
        double minBeforeSeconds) {

    /** The default of {@code --min-before}: one hour of line time, the default interval between two what-ifs. */
    public static final double DEFAULT_MIN_BEFORE_SECONDS = 3600;

    /** With the default minimum "before" window. */
    public LoopSettings(
            double everySeconds,
            double eventGapSeconds,
            double bufferAlarm,
            double rulAlarmSeconds,
            double longRepairSeconds,
            WhatIfSettings whatIf,
            GateSettings gate,
            Duration confirmTimeout,
            OptionalDouble forSeconds,
            Optional<AutoApprove> autoApprove,
            boolean send) {
        this(
                everySeconds,
                eventGapSeconds,
                bufferAlarm,
                rulAlarmSeconds,
                longRepairSeconds,
                whatIf,
                gate,
                confirmTimeout,
                forSeconds,
                autoApprove,
                send,
                DEFAULT_MIN_BEFORE_SECONDS);
    }

    public LoopSettings {
        positive("every", everySeconds);
        positive("event gap", eventGapSeconds);
        if (!(bufferAlarm > 0 && bufferAlarm <= 1)) {
            throw new IllegalArgumentException("buffer alarm must lie in (0, 1], got " + bufferAlarm);
        }
        positive("RUL alarm", rulAlarmSeconds);
        positive("long repair", longRepairSeconds);
        Objects.requireNonNull(whatIf, "whatIf");
        Objects.requireNonNull(gate, "gate");
        Objects.requireNonNull(confirmTimeout, "confirmTimeout");
        if (confirmTimeout.isNegative() || confirmTimeout.isZero()) {
            throw new IllegalArgumentException("confirm timeout must be > 0, got " + confirmTimeout);
        }
        Objects.requireNonNull(forSeconds, "forSeconds");
        forSeconds.ifPresent(f -> positive("for", f));
        Objects.requireNonNull(autoApprove, "autoApprove");
        if (!(minBeforeSeconds >= 0) || Double.isInfinite(minBeforeSeconds)) {
            throw new IllegalArgumentException("min before must be >= 0 seconds, got " + minBeforeSeconds);
        }
    }

    private static void positive(String what, double seconds) {
        if (!(seconds > 0) || Double.isInfinite(seconds)) {
            throw new IllegalArgumentException(what + " must be > 0 seconds, got " + seconds);
        }
    }
}
