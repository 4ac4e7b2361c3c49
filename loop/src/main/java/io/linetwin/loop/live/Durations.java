package io.linetwin.loop.live;

import io.linetwin.loop.Numbers;

/** Seconds as the scenario files write durations: {@code 90s}, {@code 15m}, {@code 8h}, {@code 2d}. */
public final class Durations {

    private Durations() {}

    public static String text(double seconds) {
        if (seconds >= 86400 && seconds % 86400 == 0) {
            return Numbers.plain(seconds / 86400) + "d";
        }
        if (seconds >= 3600 && (seconds % 3600 == 0 || seconds >= 36000)) {
            return Numbers.significant(seconds / 3600, 3) + "h";
        }
        if (seconds >= 60 && (seconds % 60 == 0 || seconds >= 600)) {
            return Numbers.significant(seconds / 60, 3) + "m";
        }
        return Numbers.significant(seconds, 3) + "s";
    }
}
