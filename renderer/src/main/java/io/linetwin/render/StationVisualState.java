package io.linetwin.render;

import java.util.Arrays;
import java.util.Locale;

/** What a station is doing at one instant; the engine's states (DESIGN.md §5), in its order. */
public enum StationVisualState {
    WORKING("working"),
    BLOCKED("blocked"),
    STARVED("starved"),
    DOWN("down"),
    SETUP("setup"),
    OFF_SHIFT("offShift");

    private final String key;

    StationVisualState(String key) {
        this.key = key;
    }

    /** The name used in JSON and the twin ({@code offShift}, not {@code OFF_SHIFT}). */
    public String key() {
        return key;
    }

    public static StationVisualState ofKey(String key) {
        return Arrays.stream(values())
                .filter(s -> s.key.equals(key))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("station state must be one of "
                        + Arrays.stream(values()).map(StationVisualState::key).toList() + ", got " + key));
    }

    @Override
    public String toString() {
        return key.toLowerCase(Locale.ROOT);
    }
}
