package io.linetwin.loop.whatif;

import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.Numbers;
import io.linetwin.sim.experiment.Estimate;
import java.util.Map;

/**
 * When the evidence supports a change: the 95 % interval of the objective's paired difference lies wholly on the
 * better side of zero, the mean improvement is at least {@code minEffect} of the baseline's mean, and no guarded KPI's
 * interval lies wholly on its worse side.
 */
final class SupportRule {

    /** The judgement on one candidate. */
    record Judgement(boolean supported, double relativeEffect, String verdict) {}

    private final WhatIfSettings settings;

    SupportRule(WhatIfSettings settings) {
        this.settings = settings;
    }

    Judgement judge(Map<LoopKpi, Estimate> differences, double baselineObjectiveMean) {
        LoopKpi objective = settings.objective();
        Estimate d = differences.get(objective);
        double sign = objective.higherIsBetter() ? 1 : -1;
        double improvement = sign * d.mean();
        double relative = baselineObjectiveMean == 0
                ? (improvement > 0 ? Double.POSITIVE_INFINITY : improvement < 0 ? Double.NEGATIVE_INFINITY : 0)
                : improvement / Math.abs(baselineObjectiveMean);
        if (!d.excludesZero()) {
            return new Judgement(false, relative, "not significant (the interval holds 0)");
        }
        if (improvement < 0) {
            return new Judgement(false, relative, "worse");
        }
        if (relative < settings.minEffect()) {
            return new Judgement(
                    false,
                    relative,
                    "too small (" + Numbers.percent(relative) + " < "
                            + Numbers.percent(settings.minEffect()).substring(1) + ")");
        }
        for (LoopKpi guard : settings.guards()) {
            Estimate g = differences.get(guard);
            double worse = guard.higherIsBetter() ? -g.mean() : g.mean();
            if (g.excludesZero() && worse > 0) {
                return new Judgement(false, relative, guard.option() + " significantly worse");
            }
        }
        return new Judgement(true, relative, "supported");
    }
}
