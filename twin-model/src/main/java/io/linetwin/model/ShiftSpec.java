package io.linetwin.model;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One shift of the weekly calendar: on each of {@code days} it starts at {@code startSecondsOfDay} and lasts
 * {@code lengthSeconds} (up to a day; a shift may run past midnight into the next day), minus its breaks.
 *
 * @param days              the days the shift starts on
 * @param startSecondsOfDay start, seconds after midnight, in [0, 86400)
 * @param lengthSeconds     length including breaks, in (0, 86400]
 * @param breaks            pauses inside the shift, each as an offset from the shift's start
 */
public record ShiftSpec(Set<DayOfWeek> days, double startSecondsOfDay, double lengthSeconds, List<Break> breaks) {

    public static final double DAY_SECONDS = 86_400.0;

    public ShiftSpec {
        Objects.requireNonNull(days, "days");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a shift needs at least one day, got none");
        }
        days = Set.copyOf(EnumSet.copyOf(days));
        if (!(startSecondsOfDay >= 0 && startSecondsOfDay < DAY_SECONDS)) {
            throw new IllegalArgumentException("shift start must be in [0, 86400) s, got " + startSecondsOfDay);
        }
        if (!(lengthSeconds > 0 && lengthSeconds <= DAY_SECONDS)) {
            throw new IllegalArgumentException("shift length must be in (0, 86400] s, got " + lengthSeconds);
        }
        breaks = List.copyOf(breaks);
        for (Break pause : breaks) {
            if (pause.offsetSeconds() + pause.durationSeconds() > lengthSeconds) {
                throw new IllegalArgumentException("a break must end within its shift of " + lengthSeconds
                        + " s, got one ending " + (pause.offsetSeconds() + pause.durationSeconds())
                        + " s after the start");
            }
        }
    }

    /** The shift's working intervals in one week, as [from, to) seconds since Monday 00:00 (may pass the week). */
    public List<double[]> workingIntervals() {
        List<double[]> intervals = new ArrayList<>();
        List<Break> sorted = breaks.stream()
                .sorted((a, b) -> Double.compare(a.offsetSeconds(), b.offsetSeconds()))
                .toList();
        for (DayOfWeek day : days) {
            double start = (day.getValue() - 1) * DAY_SECONDS + startSecondsOfDay;
            double from = start;
            for (Break pause : sorted) {
                double pauseStart = start + pause.offsetSeconds();
                if (pauseStart > from) {
                    intervals.add(new double[] {from, pauseStart});
                }
                from = Math.max(from, pauseStart + pause.durationSeconds());
            }
            if (start + lengthSeconds > from) {
                intervals.add(new double[] {from, start + lengthSeconds});
            }
        }
        return intervals;
    }

    /** A pause {@code offsetSeconds} after the shift's start, lasting {@code durationSeconds}. */
    public record Break(double offsetSeconds, double durationSeconds) {
        public Break {
            Checks.nonNegative("break offset", offsetSeconds);
            Checks.positive("break duration", durationSeconds);
        }
    }
}
