package io.linetwin.loop.whatif;

import io.linetwin.loop.LoopKpi;
import java.util.List;
import java.util.Objects;

/**
 * How a what-if runs and judges.
 *
 * @param lookAheadSeconds how far each replication looks ahead from the snapshot (no warm-up: the snapshot is the
 *                         line as it is, not an empty line that must fill first)
 * @param replications     paired replications of the baseline and of each candidate (common random numbers)
 * @param threads          replications run at once; results do not depend on it
 * @param objective        the KPI a change must improve
 * @param minEffect        the smallest relative improvement of the objective worth a command (0.01 = 1 %)
 * @param guards           KPIs that must not get significantly worse
 */
public record WhatIfSettings(
        double lookAheadSeconds,
        int replications,
        int threads,
        LoopKpi objective,
        double minEffect,
        List<LoopKpi> guards) {

    public WhatIfSettings {
        if (!(lookAheadSeconds > 0) || Double.isInfinite(lookAheadSeconds)) {
            throw new IllegalArgumentException("look-ahead must be > 0 seconds, got " + lookAheadSeconds);
        }
        if (replications < 2) {
            throw new IllegalArgumentException(
                    "replications must be >= 2 for a confidence interval, got " + replications);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(objective, "objective");
        if (!(minEffect >= 0) || Double.isInfinite(minEffect)) {
            throw new IllegalArgumentException("min effect must be >= 0, got " + minEffect);
        }
        guards = List.copyOf(guards);
        if (guards.contains(objective)) {
            throw new IllegalArgumentException("the objective " + objective.option() + " cannot also be a guard");
        }
    }

    /** Throughput objective, at least 1 %, scrap and lead time guarded. */
    public static WhatIfSettings defaults(double lookAheadSeconds, int replications, int threads) {
        return new WhatIfSettings(
                lookAheadSeconds,
                replications,
                threads,
                LoopKpi.THROUGHPUT,
                0.01,
                List.of(LoopKpi.SCRAP, LoopKpi.LEAD_TIME));
    }
}
