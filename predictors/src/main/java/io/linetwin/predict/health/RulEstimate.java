package io.linetwin.predict.health;

import java.util.Objects;

/**
 * A remaining-useful-life estimate in cycles: the ensemble mean and an sd that combines the spread between
 * members with the model's validation error. The band is mean -/+ 1.2816 sd (a central 80 % interval if errors
 * were normal), cut at zero.
 */
public record RulEstimate(String unitId, double meanCycles, double sdCycles) {

    private static final double Z_80 = 1.2815515655446004;

    public RulEstimate {
        Objects.requireNonNull(unitId, "unitId");
        if (!(meanCycles >= 0) || !Double.isFinite(meanCycles)) {
            throw new IllegalArgumentException("meanCycles must be finite and >= 0, got " + meanCycles);
        }
        if (!(sdCycles >= 0) || !Double.isFinite(sdCycles)) {
            throw new IllegalArgumentException("sdCycles must be finite and >= 0, got " + sdCycles);
        }
    }

    public double lowerCycles() {
        return Math.max(0, meanCycles - Z_80 * sdCycles);
    }

    public double upperCycles() {
        return meanCycles + Z_80 * sdCycles;
    }
}
