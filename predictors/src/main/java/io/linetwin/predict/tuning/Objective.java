package io.linetwin.predict.tuning;

import io.linetwin.model.TuningObjective;
import io.linetwin.model.TuningSpec;

/**
 * The objective of each replication of a setting: the chosen KPI, or the profit per hour = value of the good parts
 * minus what the variables cost at the setting's values. {@link #sign()} turns it into a score to maximise.
 */
final class Objective {

    private final TuningObjective objective;
    private final double[] costPerHour;
    private final int throughput = TuningKpis.index("throughputPerHour");

    Objective(TuningSpec spec) {
        this.objective = spec.objective();
        this.costPerHour =
                spec.variables().stream().mapToDouble(v -> v.costPerHour()).toArray();
    }

    double sign() {
        return objective.sign();
    }

    /** The objective in replications {@code [from, to)} of {@code setting}. */
    double[] values(Setting setting, Evaluator.Runs runs, int from, int to) {
        if (!objective.isProfit()) {
            return runs.kpi(TuningKpis.index(objective.kpi()), from, to);
        }
        double cost = 0;
        for (int i = 0; i < costPerHour.length; i++) {
            if (costPerHour[i] != 0) {
                cost += costPerHour[i] * setting.value(i);
            }
        }
        double[] values = runs.kpi(throughput, from, to);
        for (int r = 0; r < values.length; r++) {
            values[r] = objective.valuePerPart() * values[r] - cost;
        }
        return values;
    }

    String name() {
        return objective.kpi();
    }
}
