package io.linetwin.sim.experiment;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.sim.PartBalance;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The replications of one line (the baseline or a variant) and what they say together. */
public record ExperimentResult(
        String variant, ExperimentSpec experiment, List<ReplicationResult> replications, double wallSeconds) {

    public ExperimentResult {
        Objects.requireNonNull(variant, "variant");
        Objects.requireNonNull(experiment, "experiment");
        replications = List.copyOf(replications);
        if (replications.isEmpty()) {
            throw new IllegalArgumentException("an experiment needs >= 1 replication, got 0");
        }
    }

    /**
     * The station that is most often the momentary bottleneck: the largest bottleneck share summed over the
     * replications (declaration order breaks ties). Empty when no station was ever active.
     */
    public Optional<String> bottleneck() {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (ReplicationResult replication : replications) {
            for (StationResult station : replication.stations()) {
                shares.merge(station.id(), station.bottleneckShare(), Double::sum);
            }
        }
        String best = null;
        double bestShare = 0;
        for (Map.Entry<String, Double> entry : shares.entrySet()) {
            if (entry.getValue() > bestShare) {
                best = entry.getKey();
                bestShare = entry.getValue();
            }
        }
        return Optional.ofNullable(best);
    }

    public Estimate estimate(Kpi kpi) {
        return kpi.estimate(values(kpi));
    }

    public Map<Kpi, Estimate> kpis() {
        Map<Kpi, Estimate> kpis = new EnumMap<>(Kpi.class);
        for (Kpi kpi : Kpi.values()) {
            kpis.put(kpi, estimate(kpi));
        }
        return kpis;
    }

    /** The KPI in each replication, in replication order. */
    public double[] values(Kpi kpi) {
        String bottleneck = bottleneck().orElse(null);
        double[] values = new double[replications.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = kpi.of(replications.get(i), bottleneck);
        }
        return values;
    }

    /** Per-station means over the replications, in declaration order. */
    public Map<String, StationSummary> stations() {
        Map<String, List<StationResult>> byStation = new LinkedHashMap<>();
        for (ReplicationResult replication : replications) {
            for (StationResult station : replication.stations()) {
                byStation.computeIfAbsent(station.id(), id -> new ArrayList<>()).add(station);
            }
        }
        Map<String, StationSummary> summaries = new LinkedHashMap<>();
        byStation.forEach((id, results) -> summaries.put(id, StationSummary.of(id, results)));
        return summaries;
    }

    /**
     * The part balance of every node and product summed over the replications (rows in the order of one
     * replication's); the balance identity holds for the sums as it does for each replication.
     */
    public List<PartBalance> balance() {
        List<PartBalance> sums = new ArrayList<>(replications.get(0).balance());
        for (ReplicationResult replication : replications.subList(1, replications.size())) {
            List<PartBalance> rows = replication.balance();
            for (int i = 0; i < sums.size(); i++) {
                sums.set(i, sums.get(i).plus(rows.get(i)));
            }
        }
        return List.copyOf(sums);
    }

    /** MASON steps executed over all replications. */
    public long events() {
        return replications.stream().mapToLong(ReplicationResult::events).sum();
    }
}
