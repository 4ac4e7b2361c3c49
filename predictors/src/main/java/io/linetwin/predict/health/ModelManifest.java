package io.linetwin.predict.health;

import java.util.Objects;

/** The JSON written next to the weights: enough to rebuild the network and its input scaling. */
record ModelManifest(int format, ModelKind kind, TrainingSettings settings, Preprocessing preprocessing,
        int members) {

    static final int FORMAT = 1;

    ModelManifest {
        if (format != FORMAT) {
            throw new IllegalArgumentException("model format must be " + FORMAT + ", got " + format);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(preprocessing, "preprocessing");
        if (members < 1) {
            throw new IllegalArgumentException("members must be >= 1, got " + members);
        }
    }
}
