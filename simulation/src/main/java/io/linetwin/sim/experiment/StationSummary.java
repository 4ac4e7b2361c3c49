package io.linetwin.sim.experiment;

import io.linetwin.sim.StateShares;
import io.linetwin.sim.StationResult;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** A station's KPIs averaged over the replications of an experiment; OEE's factors too. */
public record StationSummary(
        String id,
        double utilization,
        StateShares states,
        double good,
        double scrap,
        double oee,
        double bottleneckShare,
        double availability,
        double performance,
        double quality,
        double plannedStop) {

    /** The mean of each KPI over {@code perReplication}, one entry per replication. */
    static StationSummary of(String id, List<StationResult> perReplication) {
        StateShares states = new StateShares(
                mean(perReplication, s -> s.states().working()),
                mean(perReplication, s -> s.states().blocked()),
                mean(perReplication, s -> s.states().starved()),
                mean(perReplication, s -> s.states().down()),
                mean(perReplication, s -> s.states().setup()),
                mean(perReplication, s -> s.states().offShift()));
        return new StationSummary(
                id,
                states.working(),
                states,
                mean(perReplication, StationResult::good),
                mean(perReplication, StationResult::scrap),
                mean(perReplication, StationResult::oee),
                mean(perReplication, StationResult::bottleneckShare),
                mean(perReplication, StationResult::availability),
                mean(perReplication, StationResult::performance),
                mean(perReplication, StationResult::quality),
                mean(perReplication, StationResult::plannedStop));
    }

    private static double mean(List<StationResult> results, ToDoubleFunction<StationResult> kpi) {
        double sum = 0;
        for (StationResult result : results) {
            sum += kpi.applyAsDouble(result);
        }
        return sum / results.size();
    }
}
