package io.linetwin.render;

import java.util.Locale;

/** Formats engine seconds for people: {@code 7d 08:00:00}, {@code 02:30:00}. */
public final class SimTime {

    private SimTime() {}

    public static String format(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        long days = total / 86_400;
        long rest = total % 86_400;
        String clock = String.format(Locale.ROOT, "%02d:%02d:%02d", rest / 3600, rest % 3600 / 60, rest % 60);
        return days > 0 ? days + "d " + clock : clock;
    }
}
