package io.linetwin.predict.health;

import java.util.List;
import java.util.Objects;

/**
 * The JSON written next to the weights: enough to rebuild the network and its input scaling.
 *
 * @param residualSdCycles error the ensemble spread does not see: root mean square of the members' best validation
 *                         RMSE, in cycles
 * @param recoveries       NaN or infinite numbers training recovered from (empty in manifests written before they
 *                         were recorded)
 */
record ModelManifest(
        int format,
        ModelKind kind,
        TrainingSettings settings,
        Preprocessing preprocessing,
        int members,
        double residualSdCycles,
        List<TrainingRecovery> recoveries) {

    static final int FORMAT = 1;

    ModelManifest {
        if (format != FORMAT) {
            throw new IllegalArgumentException("model format must be " + FORMAT + ", got " + format);
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(preprocessing, "preprocessing");
        recoveries = recoveries == null ? List.of() : List.copyOf(recoveries);
        if (!(residualSdCycles >= 0) || !Double.isFinite(residualSdCycles)) {
            throw new IllegalArgumentException("residualSdCycles must be finite and >= 0, got " + residualSdCycles);
        }
        if (members < 1) {
            throw new IllegalArgumentException("members must be >= 1, got " + members);
        }
    }
}
