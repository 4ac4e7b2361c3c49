package io.linetwin.loop;

import io.linetwin.model.LineSpec;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.twin.ParameterLimit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The writable parameters of a line and their limits: a parameter is writable only with a {@code min}, a {@code max}
 * and a {@code maxStep}. The gate reads them from the twin's Things ({@code attributes/limits}); candidates are
 * planned against the same limits, so the what-if never spends time on a change the gate must refuse.
 */
public final class ParameterLimits {

    /** A change is within reach when its target lies in {@code min..max} and one step from where it starts. */
    public static final double STEP_TOLERANCE = 1e-9;

    private final Map<String, Map<String, ParameterLimit>> byStation;

    public ParameterLimits(Map<String, Map<String, ParameterLimit>> byStation) {
        Map<String, Map<String, ParameterLimit>> copy = new LinkedHashMap<>();
        byStation.forEach((station, limits) -> copy.put(station, Map.copyOf(limits)));
        this.byStation = Map.copyOf(copy);
    }

    /** The limits the scenario declares (what the twin's Things are created with). */
    public static ParameterLimits of(LineSpec line) {
        Map<String, Map<String, ParameterLimit>> limits = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            station.parameters()
                    .forEach((name, spec) -> limit(spec)
                            .ifPresent(l -> limits.computeIfAbsent(station.id(), s -> new LinkedHashMap<>())
                                    .put(name, l)));
        }
        return new ParameterLimits(limits);
    }

    private static Optional<ParameterLimit> limit(ParameterSpec spec) {
        if (spec.min().isEmpty() || spec.max().isEmpty() || spec.maxStep().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ParameterLimit(
                spec.min().getAsDouble(),
                spec.max().getAsDouble(),
                spec.maxStep().getAsDouble()));
    }

    public Optional<ParameterLimit> limit(String station, String parameter) {
        return Optional.ofNullable(byStation.getOrDefault(station, Map.of()).get(parameter));
    }

    /** Why {@code change} cannot be made in one command, or empty when it can. */
    public Optional<String> unreachable(Change change) {
        Optional<ParameterLimit> limit = limit(change.station(), change.parameter());
        if (limit.isEmpty()) {
            return Optional.of(change.station() + "." + change.parameter()
                    + " is not writable (it needs min, max and maxStep limits)");
        }
        return check(change, limit.get());
    }

    /** Why {@code change} breaks {@code limit}, or empty when it keeps it. */
    public static Optional<String> check(Change change, ParameterLimit limit) {
        Objects.requireNonNull(limit, "limit");
        String name = change.station() + "." + change.parameter();
        if (change.to() < limit.min() || change.to() > limit.max()) {
            return Optional.of("out of range: " + name + " " + Numbers.plain(change.to()) + " outside ["
                    + Numbers.plain(limit.min()) + ", " + Numbers.plain(limit.max()) + "]");
        }
        double step = Math.abs(change.to() - change.from());
        if (step > limit.maxStep() + STEP_TOLERANCE) {
            return Optional.of("step too large: " + name + " " + Numbers.plain(change.from()) + "→"
                    + Numbers.plain(change.to()) + " is a step of " + Numbers.significant(step, 6) + ", maxStep "
                    + Numbers.plain(limit.maxStep()));
        }
        return Optional.empty();
    }
}
