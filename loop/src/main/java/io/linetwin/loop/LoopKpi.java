package io.linetwin.loop;

import io.linetwin.sim.ReplicationResult;
import io.linetwin.sim.StationResult;
import java.util.Arrays;
import java.util.Locale;

/**
 * What a what-if judges a change by. Throughput, WIP and lead time are the KPIs of DESIGN.md §5; {@code scrap} is
 * the share of scrapped parts among all parts the machines finished in the window, so it stays level when a line
 * simply runs faster (scrap per hour would not).
 */
public enum LoopKpi {
    THROUGHPUT("throughput", "throughputPerHour", true),
    LEAD_TIME("leadTime", "leadTimeSeconds", false),
    WIP("wip", "wip", false),
    SCRAP("scrap", "scrapShare", false);

    private final String option;
    private final String key;
    private final boolean higherIsBetter;

    LoopKpi(String option, String key, boolean higherIsBetter) {
        this.option = option;
        this.key = key;
        this.higherIsBetter = higherIsBetter;
    }

    /** The name on the command line ({@code --objective throughput}, {@code --guard scrap,leadTime}). */
    public String option() {
        return option;
    }

    /** The JSON key, as in {@code run --json}. */
    public String key() {
        return key;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(ReplicationResult result) {
        return switch (this) {
            case THROUGHPUT -> result.throughputPerHour();
            case LEAD_TIME -> result.leadTimeSeconds();
            case WIP -> result.wip();
            case SCRAP -> scrapShare(result);
        };
    }

    private static double scrapShare(ReplicationResult result) {
        long scrap = 0;
        long finished = 0;
        for (StationResult station : result.stations()) {
            scrap += station.scrap();
            finished += station.good() + station.scrap();
        }
        return finished == 0 ? 0 : (double) scrap / finished;
    }

    public static LoopKpi parse(String name) {
        for (LoopKpi kpi : values()) {
            if (kpi.option.equalsIgnoreCase(name.trim()) || kpi.key.equalsIgnoreCase(name.trim())) {
                return kpi;
            }
        }
        throw new IllegalArgumentException("expected one of "
                + Arrays.stream(values()).map(LoopKpi::option).toList() + ", got '" + name.toLowerCase(Locale.ROOT)
                + "'");
    }
}
