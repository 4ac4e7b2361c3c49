package io.linetwin.model;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Engine time (seconds since t = 0) as the scenario's calendar: a weekday and a clock, "Tue 14:05", or with a
 * start date "2026-12-08 Tue 14:05". Without a date, times past the first week say which week they fall in
 * ("wk2 Tue 14:05"), so a long run never shows the same label twice. Tables, JSON, traces and the 3D HUD use it.
 */
public final class LineCalendar {

    private static final double DAY = 86_400;

    private final double startSecondsOfWeek;
    private final Optional<LocalDateTime> startDate;

    private LineCalendar(double startSecondsOfWeek, Optional<LocalDateTime> startDate) {
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.startDate = Objects.requireNonNull(startDate, "startDate");
    }

    public static LineCalendar of(ExperimentSpec experiment) {
        return new LineCalendar(experiment.startSecondsOfWeek(), experiment.startDate());
    }

    /** Seconds after Monday 00:00 of {@code dateTime}'s week. */
    public static double secondsOfWeek(LocalDateTime dateTime) {
        return (dateTime.getDayOfWeek().getValue() - 1) * DAY
                + dateTime.toLocalTime().toSecondOfDay()
                + dateTime.getNano() / 1e9;
    }

    public boolean hasDate() {
        return startDate.isPresent();
    }

    public Optional<LocalDateTime> startDate() {
        return startDate;
    }

    /** Where engine time {@code seconds} lies in the week, seconds after Monday 00:00 of the start's week. */
    public double secondsOfWeek(double seconds) {
        return startSecondsOfWeek + seconds;
    }

    public DayOfWeek weekday(double seconds) {
        return DayOfWeek.of(1 + (int) (Math.floorMod((long) Math.floor(secondsOfWeek(seconds) / DAY), 7)));
    }

    /** The date and time of engine time {@code seconds}, when the scenario has a start date. */
    public Optional<LocalDateTime> dateTime(double seconds) {
        return startDate.map(start -> start.plusNanos(Math.round(seconds * 1e9)));
    }

    /** "Tue 14:05" (to the minute, rounded down), "wk2 Tue 14:05", or "2026-12-08 Tue 14:05". */
    public String format(double seconds) {
        return format(seconds, false);
    }

    /** As {@link #format(double)}, with seconds: "Tue 14:05:09". */
    public String formatSeconds(double seconds) {
        return format(seconds, true);
    }

    private String format(double seconds, boolean withSeconds) {
        long whole = (long) Math.floor(secondsOfWeek(seconds) + 1e-9);
        long ofDay = Math.floorMod(whole, (long) DAY);
        String clock = withSeconds
                ? String.format(Locale.ROOT, "%02d:%02d:%02d", ofDay / 3600, ofDay / 60 % 60, ofDay % 60)
                : String.format(Locale.ROOT, "%02d:%02d", ofDay / 3600, ofDay / 60 % 60);
        String day = weekday(seconds).getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
        if (startDate.isPresent()) {
            long days =
                    Math.floorDiv(whole, (long) DAY) - Math.floorDiv((long) Math.floor(startSecondsOfWeek), (long) DAY);
            return startDate.get().toLocalDate().plusDays(days) + " " + day + " " + clock;
        }
        long week = Math.floorDiv(whole, (long) (7 * DAY));
        return (week == 0 ? "" : "wk" + (week + 1) + " ") + day + " " + clock;
    }
}
