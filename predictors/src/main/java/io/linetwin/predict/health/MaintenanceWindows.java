package io.linetwin.predict.health;

import io.linetwin.model.ShiftCalendar;
import io.linetwin.model.ShiftSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Candidate maintenance starts over a look-ahead: where the line stops anyway (shift breaks, the time between
 * shifts, weekends), so that a maintenance there costs little or no production; and, for a line that never stops,
 * every fixed step.
 */
public final class MaintenanceWindows {

    /** A stop of a day or more is a weekend (or a day off), shorter ones between shifts are nights. */
    static final double WEEKEND_SECONDS = ShiftSpec.DAY_SECONDS;

    /** Why a start is a candidate. */
    public enum Kind {
        /** At once: the line is working at the start of the look-ahead and the failure may not wait. */
        NOW,
        /** A break inside a shift. */
        BREAK,
        /** Between two shifts, less than a day. */
        OFF_SHIFT,
        /** A stop of a day or more. */
        WEEKEND,
        /** A fixed step, for a line without a shift calendar. */
        STEP;

        public String jsonName() {
            return switch (this) {
                case OFF_SHIFT -> "off-shift";
                default -> name().toLowerCase(Locale.ROOT);
            };
        }
    }

    /** A maintenance start, seconds after the look-ahead's start, and why it is a candidate. */
    public record Candidate(double startSeconds, Kind kind) {
        public Candidate {
            if (!(startSeconds >= 0) || Double.isInfinite(startSeconds)) {
                throw new IllegalArgumentException("window start must be >= 0 seconds, got " + startSeconds);
            }
            Objects.requireNonNull(kind, "kind");
        }
    }

    private MaintenanceWindows() {}

    /**
     * The candidates for a line with {@code shifts}: the calendar's stops when there are any, else every
     * {@code stepSeconds}. Every candidate leaves room for the maintenance before the look-ahead ends.
     *
     * @param startSecondsOfWeek where the look-ahead starts in the week (0 = Monday 00:00)
     */
    public static List<Candidate> of(
            List<ShiftSpec> shifts,
            double startSecondsOfWeek,
            double horizonSeconds,
            double maintenanceSeconds,
            double stepSeconds) {
        ShiftCalendar calendar = ShiftCalendar.of(shifts);
        return calendar.alwaysWorking()
                ? everyStep(horizonSeconds, stepSeconds, maintenanceSeconds)
                : atStops(shifts, startSecondsOfWeek, horizonSeconds, maintenanceSeconds);
    }

    /** Candidates every {@code stepSeconds} from the start, leaving room for the maintenance itself. */
    public static List<Candidate> everyStep(double horizonSeconds, double stepSeconds, double maintenanceSeconds) {
        if (!(stepSeconds > 0)) {
            throw new IllegalArgumentException("window step must be > 0 seconds, got " + stepSeconds);
        }
        List<Candidate> windows = new ArrayList<>();
        for (double w = 0; w + maintenanceSeconds <= horizonSeconds; w += stepSeconds) {
            windows.add(new Candidate(w, Kind.STEP));
        }
        return windows;
    }

    /**
     * The start of every stop of the calendar within the look-ahead (a stop under way at the start counts from
     * the start), and the start itself when the line is working then. A maintenance longer than its stop runs on
     * into the next shift; starting when the stop starts keeps that overrun smallest.
     */
    public static List<Candidate> atStops(
            List<ShiftSpec> shifts, double startSecondsOfWeek, double horizonSeconds, double maintenanceSeconds) {
        WorkingTime time = new WorkingTime(ShiftCalendar.of(shifts), startSecondsOfWeek);
        List<Candidate> windows = new ArrayList<>();
        double stop = time.nextStop(0);
        if (stop > 0 && maintenanceSeconds <= horizonSeconds) {
            windows.add(new Candidate(0, Kind.NOW));
        }
        while (stop + maintenanceSeconds <= horizonSeconds) {
            double began = time.stopBegan(stop);
            double restart = time.nextWorking(stop);
            windows.add(new Candidate(stop, kindOf(shifts, startSecondsOfWeek + began, restart - began)));
            if (Double.isInfinite(restart)) {
                break;
            }
            stop = time.nextStop(restart);
        }
        return windows;
    }

    private static Kind kindOf(List<ShiftSpec> shifts, double secondsOfWeek, double lengthSeconds) {
        if (lengthSeconds >= WEEKEND_SECONDS) {
            return Kind.WEEKEND;
        }
        double s = fold(secondsOfWeek);
        for (ShiftSpec shift : shifts) {
            for (var day : shift.days()) {
                double shiftStart = (day.getValue() - 1) * ShiftSpec.DAY_SECONDS + shift.startSecondsOfDay();
                for (ShiftSpec.Break pause : shift.breaks()) {
                    double pauseStart = fold(shiftStart + pause.offsetSeconds());
                    if (Math.abs(pauseStart - s) < 1e-6) {
                        return Kind.BREAK;
                    }
                }
            }
        }
        return Kind.OFF_SHIFT;
    }

    private static double fold(double secondsOfWeek) {
        double s = secondsOfWeek % ShiftCalendar.WEEK_SECONDS;
        return s < 0 ? s + ShiftCalendar.WEEK_SECONDS : s;
    }
}
