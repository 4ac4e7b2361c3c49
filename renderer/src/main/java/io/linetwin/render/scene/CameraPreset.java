package io.linetwin.render.scene;

import java.util.Objects;

/** Where the camera looks from: the whole line, one station, or straight down in parallel projection. */
public sealed interface CameraPreset {

    /** The whole line from above and in front, in perspective. */
    record Overview() implements CameraPreset {
    }

    /** One station close up, from above and in front. */
    record Station(String stationId) implements CameraPreset {
        public Station {
            Objects.requireNonNull(stationId, "stationId");
        }
    }

    /** Straight down, orthographic, +x to the right and +z down the picture; for tests that measure pixels. */
    record TopOrtho() implements CameraPreset {
    }

    /** {@code overview} or {@code station:ID}. */
    static CameraPreset parse(String text) {
        if ("overview".equals(text)) {
            return new Overview();
        }
        if (text != null && text.startsWith("station:") && text.length() > "station:".length()) {
            return new Station(text.substring("station:".length()));
        }
        throw new IllegalArgumentException("camera must be overview or station:ID, got " + text);
    }
}
