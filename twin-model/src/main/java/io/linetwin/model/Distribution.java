package io.linetwin.model;

import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.FastMath;

/**
 * A probability distribution of a non-negative quantity (a time in seconds, a count), sampled only from the
 * caller's seeded generator. Sampling uses {@link FastMath} (pure Java) so one seed gives the same draws on
 * any JVM and CPU, which {@link Math}'s intrinsics do not promise.
 */
public sealed interface Distribution {

    /** Draws one value. Times never come out negative. */
    double sample(RandomGenerator random);

    double mean();

    /** The same shape with every value multiplied by {@code factor} (a speed change scales times). */
    Distribution scaled(double factor);

    record Constant(double value) implements Distribution {
        public Constant {
            Checks.nonNegative("constant value", value);
        }

        @Override
        public double sample(RandomGenerator random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Constant(value * factor);
        }
    }

    record Exponential(double mean) implements Distribution {
        public Exponential {
            Checks.positive("exponential mean", mean);
        }

        @Override
        public double sample(RandomGenerator random) {
            return mean * ExponentialZiggurat.sample(random);
        }

        @Override
        public Distribution scaled(double factor) {
            return new Exponential(mean * factor);
        }
    }

    record Uniform(double min, double max) implements Distribution {
        public Uniform {
            Checks.nonNegative("uniform min", min);
            if (!(max >= min)) {
                throw new IllegalArgumentException("uniform max must be >= min " + min + ", got " + max);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            return min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Uniform(min * factor, max * factor);
        }
    }

    /** Normal, truncated at zero by redrawing; {@link #mean()} is the untruncated mean. */
    record Normal(double mean, double sd) implements Distribution {
        private static final int MAX_REDRAWS = 1000;

        public Normal {
            Checks.finite("normal mean", mean);
            Checks.nonNegative("normal sd", sd);
            if (mean <= 0 && sd == 0) {
                throw new IllegalArgumentException("normal mean must be > 0 when sd is 0, got " + mean);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            for (int i = 0; i < MAX_REDRAWS; i++) {
                double value = mean + sd * random.nextGaussian();
                if (value >= 0) {
                    return value;
                }
            }
            return 0;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Normal(mean * factor, sd * factor);
        }
    }

    /** Lognormal given by the mean and standard deviation of the value itself (not of its log). */
    record Lognormal(double mean, double sd) implements Distribution {
        public Lognormal {
            Checks.positive("lognormal mean", mean);
            Checks.nonNegative("lognormal sd", sd);
        }

        @Override
        public double sample(RandomGenerator random) {
            double cv = sd / mean;
            double sigma2 = FastMath.log1p(cv * cv);
            double mu = FastMath.log(mean) - sigma2 / 2;
            return FastMath.exp(mu + FastMath.sqrt(sigma2) * random.nextGaussian());
        }

        @Override
        public Distribution scaled(double factor) {
            return new Lognormal(mean * factor, sd * factor);
        }
    }

    record Gamma(double shape, double scale) implements Distribution {
        public Gamma {
            Checks.positive("gamma shape", shape);
            Checks.positive("gamma scale", scale);
        }

        @Override
        public double sample(RandomGenerator random) {
            return scale * standardGamma(shape, random);
        }

        @Override
        public double mean() {
            return shape * scale;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Gamma(shape, scale * factor);
        }

        /** Marsaglia and Tsang (2000), with the shape < 1 boost u^(1/shape). */
        private static double standardGamma(double shape, RandomGenerator random) {
            if (shape < 1) {
                double u = random.nextDouble();
                return standardGamma(shape + 1, random) * FastMath.pow(u, 1 / shape);
            }
            double d = shape - 1.0 / 3;
            double c = 1 / FastMath.sqrt(9 * d);
            while (true) {
                double x = random.nextGaussian();
                double v = 1 + c * x;
                if (v <= 0) {
                    continue;
                }
                v = v * v * v;
                double u = random.nextDouble();
                if (u < 1 - 0.0331 * x * x * x * x || FastMath.log(u) < 0.5 * x * x + d * (1 - v + FastMath.log(v))) {
                    return d * v;
                }
            }
        }
    }

    record Weibull(double shape, double scale) implements Distribution {
        public Weibull {
            Checks.positive("weibull shape", shape);
            Checks.positive("weibull scale", scale);
        }

        @Override
        public double sample(RandomGenerator random) {
            return scale * FastMath.pow(-FastMath.log(1.0 - random.nextDouble()), 1 / shape);
        }

        @Override
        public double mean() {
            return scale * FastMath.exp(org.apache.commons.math3.special.Gamma.logGamma(1 + 1 / shape));
        }

        @Override
        public Distribution scaled(double factor) {
            return new Weibull(shape, scale * factor);
        }
    }

    record Triangular(double min, double mode, double max) implements Distribution {
        public Triangular {
            Checks.nonNegative("triangular min", min);
            if (!(mode >= min && max >= mode && max > min)) {
                throw new IllegalArgumentException(
                        "triangular needs min <= mode <= max and min < max, got " + min + ", " + mode + ", " + max);
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            double u = random.nextDouble();
            double split = (mode - min) / (max - min);
            if (u < split) {
                return min + FastMath.sqrt(u * (max - min) * (mode - min));
            }
            return max - FastMath.sqrt((1 - u) * (max - min) * (max - mode));
        }

        @Override
        public double mean() {
            return (min + mode + max) / 3;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Triangular(min * factor, mode * factor, max * factor);
        }
    }

    /** Discrete values with optional weights (equal when absent). */
    record Empirical(List<Double> values, List<Double> weights) implements Distribution {
        public Empirical {
            values = List.copyOf(values);
            if (values.isEmpty()) {
                throw new IllegalArgumentException("empirical values must not be empty");
            }
            values.forEach(v -> Checks.nonNegative("empirical value", v));
            weights = weights == null || weights.isEmpty()
                    ? values.stream().map(v -> 1.0).toList()
                    : List.copyOf(weights);
            if (weights.size() != values.size()) {
                throw new IllegalArgumentException(
                        "empirical weights must match the " + values.size() + " values, got " + weights.size());
            }
            weights.forEach(w -> Checks.nonNegative("empirical weight", w));
            if (weights.stream().mapToDouble(Double::doubleValue).sum() <= 0) {
                throw new IllegalArgumentException("empirical weights must sum to > 0");
            }
        }

        @Override
        public double sample(RandomGenerator random) {
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            double target = random.nextDouble() * total;
            double cumulative = 0;
            for (int i = 0; i < values.size(); i++) {
                cumulative += weights.get(i);
                if (target < cumulative) {
                    return values.get(i);
                }
            }
            return values.get(values.size() - 1);
        }

        @Override
        public double mean() {
            double total = 0;
            double weighted = 0;
            for (int i = 0; i < values.size(); i++) {
                total += weights.get(i);
                weighted += weights.get(i) * values.get(i);
            }
            return weighted / total;
        }

        @Override
        public Distribution scaled(double factor) {
            return new Empirical(values.stream().map(v -> v * factor).toList(), weights);
        }
    }
}
