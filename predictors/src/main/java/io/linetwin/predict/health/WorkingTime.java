package io.linetwin.predict.health;

import io.linetwin.model.ShiftCalendar;
import java.util.Objects;

/**
 * A shift calendar seen from the start of a look-ahead: offsets are seconds after that start, which sits
 * {@code startSecondsOfWeek} after Monday 00:00. Converts between calendar time and time on shift, so that a
 * machine's operating time (which only passes on shift) can be placed in the calendar.
 */
final class WorkingTime {

    private final ShiftCalendar calendar;
    private final double startSecondsOfWeek;

    WorkingTime(ShiftCalendar calendar, double startSecondsOfWeek) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.startSecondsOfWeek = startSecondsOfWeek;
    }

    boolean alwaysWorking() {
        return calendar.alwaysWorking();
    }

    /** The first offset at or after {@code offset} at which the line works. */
    double nextWorking(double offset) {
        if (calendar.working(startSecondsOfWeek + offset)) {
            return offset;
        }
        if (calendar.workingSecondsPerWeek() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        return offset + calendar.secondsToNextChange(startSecondsOfWeek + offset);
    }

    /** The first offset at or after {@code offset} at which the line stops; infinite for a line that never does. */
    double nextStop(double offset) {
        if (!calendar.working(startSecondsOfWeek + offset)) {
            return offset;
        }
        return offset + calendar.secondsToNextChange(startSecondsOfWeek + offset);
    }

    /** Where the stop under way at {@code offset} began (at most a week back); {@code offset} while working. */
    double stopBegan(double offset) {
        if (calendar.working(startSecondsOfWeek + offset)) {
            return offset;
        }
        double t = offset - ShiftCalendar.WEEK_SECONDS;
        double began = t;
        while (t < offset) {
            double stop = nextStop(t);
            if (stop > offset) {
                break;
            }
            began = stop;
            t = nextWorking(stop);
        }
        return began;
    }

    /** Seconds on shift between offsets 0 and {@code offset}. */
    double onShiftSeconds(double offset) {
        if (calendar.alwaysWorking()) {
            return offset;
        }
        double worked = 0;
        double t = 0;
        while (t < offset) {
            double next = Math.min(offset, t + calendar.secondsToNextChange(startSecondsOfWeek + t));
            if (calendar.working(startSecondsOfWeek + t)) {
                worked += next - t;
            }
            t = next;
        }
        return worked;
    }

    /** The offset at which {@code seconds} of time on shift have passed since offset 0. */
    double afterOnShift(double seconds) {
        if (calendar.alwaysWorking()) {
            return seconds;
        }
        if (calendar.workingSecondsPerWeek() == 0) {
            return Double.POSITIVE_INFINITY;
        }
        // Whole weeks first: a long remaining life need not walk every shift change.
        double weeks = Math.floor(seconds / calendar.workingSecondsPerWeek());
        double left = seconds - weeks * calendar.workingSecondsPerWeek();
        double t = weeks * ShiftCalendar.WEEK_SECONDS;
        while (true) {
            double span = calendar.secondsToNextChange(startSecondsOfWeek + t);
            if (calendar.working(startSecondsOfWeek + t)) {
                if (left <= span) {
                    return t + left;
                }
                left -= span;
            }
            t += span;
        }
    }
}
