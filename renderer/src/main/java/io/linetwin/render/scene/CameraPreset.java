package io.linetwin.render.scene;

import java.util.Objects;

/** Where the camera looks from: the whole line, one station, the bottleneck, or straight down in parallel. */
public sealed interface CameraPreset {

    /** The whole line from above and in front, three-quarter view, fitted between the HUD's panels. */
    record Overview() implements CameraPreset {}

    /** One station close up, from above and in front. */
    record Station(String stationId) implements CameraPreset {
        public Station {
            Objects.requireNonNull(stationId, "stationId");
        }
    }

    /** The station that is the bottleneck in the view shown (the overview while there is none). */
    record Bottleneck() implements CameraPreset {}

    /** Straight down, orthographic, +x to the right and +z down the picture; for tests that measure pixels. */
    record TopOrtho() implements CameraPreset {}

    /** {@code overview}, {@code station:ID} or {@code bottleneck}. */
    static CameraPreset parse(String text) {
        if ("overview".equals(text)) {
            return new Overview();
        }
        if ("bottleneck".equals(text)) {
            return new Bottleneck();
        }
        if (text != null && text.startsWith("station:") && text.length() > "station:".length()) {
            return new Station(text.substring("station:".length()));
        }
        throw new IllegalArgumentException("camera must be overview, bottleneck or station:ID, got " + text);
    }
}
