package io.linetwin.predict.tuning;

import io.linetwin.model.TuningSpec;
import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;

/** The KPIs of {@link TuningSpec#KPIS}, each measured in one replication. */
final class TuningKpis {

    private TuningKpis() {}

    /** Every KPI of the replication, in the order of {@link TuningSpec#KPIS}. */
    static double[] of(ReplicationResult result) {
        double[] values = new double[TuningSpec.KPIS.size()];
        for (int k = 0; k < values.length; k++) {
            values[k] = of(TuningSpec.KPIS.get(k), result);
        }
        return values;
    }

    static int index(String kpi) {
        int index = TuningSpec.KPIS.indexOf(kpi);
        if (index < 0) {
            throw new IllegalArgumentException("kpi must be one of " + TuningSpec.KPIS + ", got " + kpi);
        }
        return index;
    }

    /**
     * {@code oee}: of the replication's own bottleneck (a tuning run compares many lines, each with its own);
     * {@code scrapRate}: parts scrapped in the window over good parts out plus parts scrapped.
     */
    static double of(String kpi, ReplicationResult result) {
        return switch (kpi) {
            case "throughputPerHour" -> result.throughputPerHour();
            case "wip" -> result.wip();
            case "leadTimeSeconds" -> result.leadTimeSeconds();
            case "oee" ->
                result.bottleneck()
                        .flatMap(result::station)
                        .map(StationResult::oee)
                        .orElse(0.0);
            case "scrapRate" -> scrapRate(result);
            default -> throw new IllegalArgumentException("kpi must be one of " + TuningSpec.KPIS + ", got " + kpi);
        };
    }

    private static double scrapRate(ReplicationResult result) {
        double scrapped =
                result.stations().stream().mapToLong(StationResult::scrap).sum();
        double good = result.throughputPerHour() * result.horizonSeconds() / 3600;
        return scrapped + good > 0 ? scrapped / (scrapped + good) : 0;
    }
}
