package io.linetwin.report;

import io.linetwin.report.i18n.Messages;
import io.linetwin.report.svg.LineDiagram;
import io.linetwin.report.svg.Whiskers;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.sim.experiment.Kpi;
import io.linetwin.sim.experiment.Verdict;

/** The reader's words for the engine's KPIs, states and verdicts, shared by reports, tables and the dashboard. */
public final class Words {

    private Words() {}

    public static String kpi(Messages m, Kpi kpi) {
        return m.get("kpi." + kpi.key());
    }

    /** The KPI with its unit, as a table heading or axis title. */
    public static String kpiWithUnit(Messages m, Kpi kpi) {
        return m.get("kpi." + kpi.key() + ".unit");
    }

    public static String state(Messages m, String state) {
        return m.get("state." + state);
    }

    public static String verdict(Messages m, Verdict verdict) {
        return m.get(
                "verdict." + verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    /** The CSS tone of a verdict pill. */
    public static String tone(Verdict verdict) {
        return switch (verdict) {
            case BETTER -> "better";
            case WORSE -> "worse";
            default -> "neutral";
        };
    }

    public static Whiskers.Tone whiskerTone(Verdict verdict) {
        return switch (verdict) {
            case BETTER -> Whiskers.Tone.GOOD;
            case WORSE -> Whiskers.Tone.BAD;
            default -> Whiskers.Tone.NEUTRAL;
        };
    }

    /** "[low, high]", or the note that one replication gives no interval. */
    public static String interval(Messages m, Estimate estimate) {
        if (estimate.ciLow().isEmpty()) {
            return m.get("ci.none");
        }
        return "[" + m.number(estimate.ciLow().getAsDouble()) + ", "
                + m.number(estimate.ciHigh().getAsDouble()) + "]";
    }

    public static LineDiagram.Words diagram(Messages m) {
        return new LineDiagram.Words(m.get("diagram.bottleneck"), m.get("diagram.agv"));
    }

    /** A buffer's capacity as the reader writes it ("20", "unlimited" / "无限"). */
    public static String capacity(Messages m, int capacity) {
        return capacity == io.linetwin.model.BufferSpec.UNLIMITED ? m.get("capacity.unlimited") : m.count(capacity);
    }
}
