package io.linetwin.predict.health;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.special.Erf;

/**
 * Time to failure in seconds of machine operating time, derived from a RUL estimate in cycles.
 *
 * <h2>Mapping</h2>
 * <ol>
 *   <li>Cycles to seconds: one cycle of the health model is {@code secondsPerCycle} seconds of the machine's
 *       operating time (running, not idle or down), so mean and sd scale by that factor.</li>
 *   <li>Shape: a lognormal with exactly that mean m and sd s, i.e. sigma^2 = ln(1 + s^2/m^2) and
 *       mu = ln(m) - sigma^2/2. A lognormal is positive (a failure cannot be in the past) and right-skewed (early
 *       failures are bounded by zero, late ones are not), and unlike a truncated normal its moments match the
 *       estimate exactly whatever the coefficient of variation.</li>
 *   <li>Floors: a mean below {@link #MIN_MEAN_CYCLES} is raised to it (a network that says "0 cycles left" means
 *       "fail at the next opportunity", not "already failed"); sd 0 gives a point mass at the mean.</li>
 * </ol>
 * The simulation draws the machine's next failure from {@link #sample(RandomGenerator)} instead of its generic
 * MTBF; the draw counts operating seconds from the moment the estimate was made.
 *
 * @param meanSeconds mean time to failure in operating seconds
 * @param sdSeconds   standard deviation in operating seconds
 */
public record TimeToFailure(double meanSeconds, double sdSeconds) {

    public static final double MIN_MEAN_CYCLES = 0.5;

    public TimeToFailure {
        if (!(meanSeconds > 0) || !Double.isFinite(meanSeconds)) {
            throw new IllegalArgumentException("meanSeconds must be finite and > 0, got " + meanSeconds);
        }
        if (!(sdSeconds >= 0) || !Double.isFinite(sdSeconds)) {
            throw new IllegalArgumentException("sdSeconds must be finite and >= 0, got " + sdSeconds);
        }
    }

    public static TimeToFailure fromCycles(double meanCycles, double sdCycles, double secondsPerCycle) {
        if (!(secondsPerCycle > 0) || !Double.isFinite(secondsPerCycle)) {
            throw new IllegalArgumentException("secondsPerCycle must be finite and > 0, got " + secondsPerCycle);
        }
        if (!(meanCycles >= 0) || !(sdCycles >= 0)) {
            throw new IllegalArgumentException(
                    "meanCycles and sdCycles must be >= 0, got " + meanCycles + " and " + sdCycles);
        }
        return new TimeToFailure(Math.max(MIN_MEAN_CYCLES, meanCycles) * secondsPerCycle, sdCycles * secondsPerCycle);
    }

    public static TimeToFailure fromEstimate(RulEstimate estimate, double secondsPerCycle) {
        return fromCycles(estimate.meanCycles(), estimate.sdCycles(), secondsPerCycle);
    }

    /** Log-scale location mu of the lognormal. */
    public double mu() {
        return Math.log(meanSeconds) - sigma() * sigma() / 2;
    }

    /** Log-scale shape sigma of the lognormal; 0 for a point mass. */
    public double sigma() {
        double cv = sdSeconds / meanSeconds;
        return Math.sqrt(Math.log1p(cv * cv));
    }

    /** One draw of the operating seconds until failure. */
    public double sample(RandomGenerator random) {
        double sigma = sigma();
        if (sigma == 0) {
            return meanSeconds;
        }
        return Math.exp(mu() + sigma * random.nextGaussian());
    }

    /** P(failure within {@code seconds} of operating time). */
    public double probabilityWithin(double seconds) {
        if (seconds <= 0) {
            return 0;
        }
        double sigma = sigma();
        if (sigma == 0) {
            return seconds >= meanSeconds ? 1 : 0;
        }
        return 0.5 * Erf.erfc(-(Math.log(seconds) - mu()) / (sigma * Math.sqrt(2)));
    }

    /** The {@code p}-quantile in operating seconds, 0 < p < 1. */
    public double quantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        }
        double sigma = sigma();
        if (sigma == 0) {
            return meanSeconds;
        }
        return Math.exp(mu() + sigma * Math.sqrt(2) * Erf.erfInv(2 * p - 1));
    }
}
