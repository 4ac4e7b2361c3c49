package io.linetwin.predict.tuning;

import io.linetwin.model.LineState;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * How a tuning run selects its winner: {@code threads} simulating at once (results do not depend on it); the
 * indifference zone, {@code delta} in the objective's units or, when absent, {@code deltaShare} of the baseline's
 * objective; the probability of correct selection {@code pcs}; the {@code finalists} re-run with a first stage of
 * {@code firstStage} replications and at most {@code maxFinalReplications}; and where every replication starts
 * ({@code start}: empty = an empty line at t = 0, else e.g. the live twin's state).
 */
public record TuningOptions(
        int threads,
        OptionalDouble delta,
        double deltaShare,
        double pcs,
        int finalists,
        int firstStage,
        int maxFinalReplications,
        Optional<LineState> start) {

    public static final double DEFAULT_DELTA_SHARE = 0.005;
    public static final double DEFAULT_PCS = 0.95;

    public TuningOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        Objects.requireNonNull(delta, "delta");
        delta.ifPresent(d -> {
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("delta must be > 0, got " + d);
            }
        });
        if (!(deltaShare > 0 && deltaShare < 1)) {
            throw new IllegalArgumentException("delta share must be in (0, 1), got " + deltaShare);
        }
        if (!(pcs > 0.5 && pcs < 1)) {
            throw new IllegalArgumentException("pcs must be in (0.5, 1), got " + pcs);
        }
        if (finalists < 1) {
            throw new IllegalArgumentException("finalists must be >= 1, got " + finalists);
        }
        if (firstStage < 2) {
            throw new IllegalArgumentException("first stage must be >= 2 replications, got " + firstStage);
        }
        if (maxFinalReplications < firstStage) {
            throw new IllegalArgumentException("max final replications must be >= the first stage " + firstStage
                    + ", got " + maxFinalReplications);
        }
        Objects.requireNonNull(start, "start");
    }

    /** All cores, 0.5 % of the baseline's objective, PCS 0.95, five finalists, KN with 10 first-stage runs. */
    public static TuningOptions defaults() {
        return new TuningOptions(
                Runtime.getRuntime().availableProcessors(),
                OptionalDouble.empty(),
                DEFAULT_DELTA_SHARE,
                DEFAULT_PCS,
                5,
                10,
                200,
                Optional.empty());
    }

    public TuningOptions withThreads(int count) {
        return new TuningOptions(count, delta, deltaShare, pcs, finalists, firstStage, maxFinalReplications, start);
    }

    public TuningOptions withDelta(double absolute) {
        return new TuningOptions(
                threads,
                OptionalDouble.of(absolute),
                deltaShare,
                pcs,
                finalists,
                firstStage,
                maxFinalReplications,
                start);
    }

    public TuningOptions withDeltaShare(double share) {
        return new TuningOptions(
                threads, OptionalDouble.empty(), share, pcs, finalists, firstStage, maxFinalReplications, start);
    }

    public TuningOptions startingFrom(LineState state) {
        return new TuningOptions(
                threads, delta, deltaShare, pcs, finalists, firstStage, maxFinalReplications, Optional.of(state));
    }
}
