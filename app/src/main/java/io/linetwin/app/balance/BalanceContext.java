package io.linetwin.app.balance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a balance's measurements came from, for the report: a CSV file, or two twin snapshots with the period
 * between them, the accuracies used, where each measurement came from and what was left out.
 */
public record BalanceContext(
        String scenario,
        String lineId,
        Optional<String> csv,
        Optional<String> twinBefore,
        Optional<String> twinAfter,
        Optional<Instant> from,
        Optional<Instant> to,
        Optional<String> accuracy,
        boolean defaultAccuracy,
        Map<String, String> origins,
        List<String> notes) {

    public BalanceContext {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(lineId, "lineId");
        origins = Map.copyOf(origins);
        notes = List.copyOf(notes);
    }

    public static BalanceContext ofCsv(String scenario, String lineId, String csv) {
        return new BalanceContext(
                scenario,
                lineId,
                Optional.of(csv),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                false,
                Map.of(),
                List.of());
    }

    public static BalanceContext ofTwin(
            String scenario,
            String lineId,
            String before,
            String after,
            TwinMeasurements.Result twin,
            Accuracy accuracy,
            boolean defaultAccuracy) {
        return new BalanceContext(
                scenario,
                lineId,
                Optional.empty(),
                Optional.of(before),
                Optional.of(after),
                Optional.of(twin.from()),
                Optional.of(twin.to()),
                Optional.of(accuracy.describe()),
                defaultAccuracy,
                twin.origins(),
                twin.notes());
    }
}
