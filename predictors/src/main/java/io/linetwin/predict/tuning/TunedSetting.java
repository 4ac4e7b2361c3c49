package io.linetwin.predict.tuning;

import io.linetwin.sim.experiment.Estimate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One setting as the tuner reports it: its values (variable path → Integer for an integer variable, Double for a
 * continuous one; absent where the base line has no number, e.g. an unlimited buffer), whether it is the base
 * line's own, and its objective and KPIs over the final replications.
 */
public record TunedSetting(
        Map<String, Object> values, boolean isBaseline, Estimate objective, Map<String, Estimate> kpis) {

    public TunedSetting {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        Objects.requireNonNull(objective, "objective");
        kpis = Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
    }
}
