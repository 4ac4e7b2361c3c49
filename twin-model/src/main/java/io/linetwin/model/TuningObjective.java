package io.linetwin.model;

import java.util.Objects;

/**
 * What tuning optimises: one of the line's KPIs ({@link TuningSpec#KPIS}), maximised or minimised, or
 * {@value #PROFIT_PER_HOUR} = {@code valuePerPart} × good parts per hour − the variables' cost per hour
 * (each variable's {@code costPerHour} × its value), which is always maximised.
 */
public record TuningObjective(String kpi, boolean maximise, double valuePerPart) {

    public static final String PROFIT_PER_HOUR = "profitPerHour";

    public TuningObjective {
        Objects.requireNonNull(kpi, "objective kpi");
        boolean profit = kpi.equals(PROFIT_PER_HOUR);
        if (!profit && !TuningSpec.KPIS.contains(kpi)) {
            throw new IllegalArgumentException(
                    "objective kpi must be one of " + TuningSpec.KPIS + " or " + PROFIT_PER_HOUR + ", got " + kpi);
        }
        if (profit && !maximise) {
            throw new IllegalArgumentException("objective " + PROFIT_PER_HOUR + " must be maximised, got minimise");
        }
        if (profit) {
            Checks.positive("objective valuePerPart", valuePerPart);
        } else if (valuePerPart != 0) {
            throw new IllegalArgumentException("objective valuePerPart must be 0 unless the objective is "
                    + PROFIT_PER_HOUR + ", got " + valuePerPart);
        }
    }

    public static TuningObjective maximise(String kpi) {
        return new TuningObjective(kpi, true, 0);
    }

    public static TuningObjective minimise(String kpi) {
        return new TuningObjective(kpi, false, 0);
    }

    public static TuningObjective profitPerHour(double valuePerPart) {
        return new TuningObjective(PROFIT_PER_HOUR, true, valuePerPart);
    }

    public boolean isProfit() {
        return kpi.equals(PROFIT_PER_HOUR);
    }

    /** +1 when higher is better, −1 when lower is: the tuner maximises {@code sign() × objective}. */
    public double sign() {
        return maximise ? 1 : -1;
    }
}
