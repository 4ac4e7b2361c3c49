package io.linetwin.sim.experiment;

import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;

/** The line KPIs of docs/cli.md, with their JSON keys and which direction is better. */
public enum Kpi {
    THROUGHPUT_PER_HOUR("throughputPerHour", true, Double.POSITIVE_INFINITY),
    WIP("wip", false, Double.POSITIVE_INFINITY),
    /** NaN in a replication in which no part left the line in the window: it has no lead time. */
    LEAD_TIME_SECONDS("leadTimeSeconds", false, Double.POSITIVE_INFINITY),
    /** The OEE of the experiment's bottleneck station. */
    OEE("oee", true, 1.0);

    private final String key;
    private final boolean higherIsBetter;
    private final double ceiling;

    Kpi(String key, boolean higherIsBetter, double ceiling) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
        this.ceiling = ceiling;
    }

    /** The mean over replications of {@code values} (this KPI, one per replication; NaN: none in that one). */
    public Estimate estimate(double[] values) {
        return Estimate.ofPresent(values).within(0, ceiling);
    }

    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** This KPI in one replication; {@code bottleneck} names the station whose OEE is the line's (or null). */
    public double of(ReplicationResult result, String bottleneck) {
        return switch (this) {
            case THROUGHPUT_PER_HOUR -> result.throughputPerHour();
            case WIP -> result.wip();
            case LEAD_TIME_SECONDS -> result.leadTimeSeconds();
            case OEE ->
                bottleneck == null
                        ? 0
                        : result.station(bottleneck).map(StationResult::oee).orElse(0.0);
        };
    }
}
