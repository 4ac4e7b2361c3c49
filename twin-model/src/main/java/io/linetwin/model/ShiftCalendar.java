package io.linetwin.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The weekly working time of a line: the union of its shifts' working intervals, folded into one week. With no
 * shifts the line always works. Times are seconds since Monday 00:00 ({@code secondsOfWeek}); callers place
 * engine time in the week with {@code ExperimentSpec.startSecondsOfWeek}.
 */
public final class ShiftCalendar {

    public static final double WEEK_SECONDS = ExperimentSpec.WEEK_SECONDS;

    private static final ShiftCalendar ALWAYS = new ShiftCalendar(new double[0], true);

    /** Sorted, disjoint [from, to) working intervals within [0, week), as from0, to0, from1, to1, ... */
    private final double[] bounds;
    /**
     * The instants in [0, week) where working time starts or ends, sorted. Not simply {@link #bounds}: an interval
     * ending at the week's end that goes on in one starting at 0 is one stretch of work, with no change between.
     */
    private final double[] changes;

    private final boolean always;

    private ShiftCalendar(double[] bounds, boolean always) {
        this.bounds = bounds;
        this.always = always;
        this.changes = changes(bounds);
    }

    private static double[] changes(double[] bounds) {
        int last = bounds.length - 1;
        boolean wraps = bounds.length > 0 && bounds[0] == 0 && bounds[last] == WEEK_SECONDS;
        List<Double> changes = new ArrayList<>();
        for (int i = 0; i < bounds.length; i++) {
            if (!(wraps && (i == 0 || i == last))) {
                changes.add(bounds[i] % WEEK_SECONDS);
            }
        }
        return changes.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    public static ShiftCalendar of(List<ShiftSpec> shifts) {
        if (shifts.isEmpty()) {
            return ALWAYS;
        }
        List<double[]> folded = new ArrayList<>();
        for (ShiftSpec shift : shifts) {
            for (double[] interval : shift.workingIntervals()) {
                // A Sunday night shift runs on into Monday morning of the next week: the pieces past the week's
                // end move back by a week, each keeping its own length (a break after midnight stays a break).
                if (interval[0] >= WEEK_SECONDS) {
                    folded.add(new double[] {interval[0] - WEEK_SECONDS, interval[1] - WEEK_SECONDS});
                } else if (interval[1] > WEEK_SECONDS) {
                    folded.add(new double[] {interval[0], WEEK_SECONDS});
                    folded.add(new double[] {0, interval[1] - WEEK_SECONDS});
                } else {
                    folded.add(interval);
                }
            }
        }
        folded.sort(Comparator.comparingDouble(i -> i[0]));
        List<double[]> merged = new ArrayList<>();
        for (double[] interval : folded) {
            double[] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && interval[0] <= last[1]) {
                last[1] = Math.max(last[1], interval[1]);
            } else {
                merged.add(interval.clone());
            }
        }
        if (merged.size() == 1 && merged.get(0)[0] == 0 && merged.get(0)[1] == WEEK_SECONDS) {
            return ALWAYS;
        }
        double[] bounds = new double[merged.size() * 2];
        for (int i = 0; i < merged.size(); i++) {
            bounds[2 * i] = merged.get(i)[0];
            bounds[2 * i + 1] = merged.get(i)[1];
        }
        return new ShiftCalendar(bounds, false);
    }

    /** True when the line works all week round: no shift changes ever happen. */
    public boolean alwaysWorking() {
        return always;
    }

    /** Working seconds per week. */
    public double workingSecondsPerWeek() {
        if (always) {
            return WEEK_SECONDS;
        }
        double sum = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            sum += bounds[i + 1] - bounds[i];
        }
        return sum;
    }

    /**
     * Working seconds between two instants given as seconds after Monday 00:00 of the start's week (either may
     * lie in a later week): the production time of a window, for output per production hour.
     */
    public double workingSecondsBetween(double fromSecondsOfWeek, double toSecondsOfWeek) {
        if (!(fromSecondsOfWeek <= toSecondsOfWeek)) {
            throw new IllegalArgumentException(
                    "window start must be <= its end " + toSecondsOfWeek + ", got " + fromSecondsOfWeek);
        }
        return workedBefore(toSecondsOfWeek) - workedBefore(fromSecondsOfWeek);
    }

    /** Working seconds from Monday 00:00 of week 0 to {@code secondsOfWeek}. */
    private double workedBefore(double secondsOfWeek) {
        double weeks = Math.floor(secondsOfWeek / WEEK_SECONDS);
        double s = secondsOfWeek - weeks * WEEK_SECONDS;
        double worked = weeks * workingSecondsPerWeek();
        if (always) {
            return worked + s;
        }
        for (int i = 0; i < bounds.length && bounds[i] < s; i += 2) {
            worked += Math.min(bounds[i + 1], s) - bounds[i];
        }
        return worked;
    }

    /** How many shifts start in a week: each shift once on each of its days. */
    public static int shiftsPerWeek(List<ShiftSpec> shifts) {
        return shifts.stream().mapToInt(s -> s.days().size()).sum();
    }

    /** Whether the line works at {@code secondsOfWeek} (intervals are closed at the start, open at the end). */
    public boolean working(double secondsOfWeek) {
        if (always) {
            return true;
        }
        double s = fold(secondsOfWeek);
        int at = Arrays.binarySearch(bounds, s);
        // Found: on a bound, working if it is a start. Not found: working if inside a [from, to) pair.
        int position = at >= 0 ? at : -at - 2;
        return at >= 0 ? at % 2 == 0 : position >= 0 && position % 2 == 0;
    }

    /**
     * Seconds from {@code secondsOfWeek} to the next start or end of working time (> 0); infinite if none (no
     * shifts, or shifts whose breaks take all their time).
     */
    public double secondsToNextChange(double secondsOfWeek) {
        if (always) {
            return Double.POSITIVE_INFINITY;
        }
        if (changes.length == 0) {
            // Shifts made of breaks only: the line never works, so nothing ever changes.
            return Double.POSITIVE_INFINITY;
        }
        double s = fold(secondsOfWeek);
        for (double change : changes) {
            if (change > s) {
                return change - s;
            }
        }
        return changes[0] + WEEK_SECONDS - s;
    }

    private static double fold(double secondsOfWeek) {
        double s = secondsOfWeek % WEEK_SECONDS;
        return s < 0 ? s + WEEK_SECONDS : s;
    }
}
