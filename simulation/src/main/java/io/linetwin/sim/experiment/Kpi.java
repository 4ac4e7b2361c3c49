package io.linetwin.sim.experiment;

import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;

/** The line KPIs of DESIGN.md §5, with their JSON keys and which direction is better. */
public enum Kpi {
    THROUGHPUT_PER_HOUR("throughputPerHour", true),
    WIP("wip", false),
    LEAD_TIME_SECONDS("leadTimeSeconds", false),
    /** The OEE of the experiment's bottleneck station. */
    OEE("oee", true);

    private final String key;
    private final boolean higherIsBetter;

    Kpi(String key, boolean higherIsBetter) {
        this.key = key;
        this.higherIsBetter = higherIsBetter;
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
            case OEE -> bottleneck == null ? 0 : result.station(bottleneck).map(StationResult::oee).orElse(0.0);
        };
    }
}
