package io.linetwin.sim;

import org.apache.commons.math3.random.RandomGenerator;

/** Draws a released part's product by the line's mix; one product needs no draw, so it consumes no numbers. */
final class ProductMix {

    private final double[] cumulativeShares;
    private final RandomGenerator random;

    ProductMix(double[] shares, RandomGenerator random) {
        this.cumulativeShares = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulativeShares[i] = sum;
        }
        this.random = random;
    }

    int draw() {
        if (cumulativeShares.length <= 1) {
            return 0;
        }
        double u = random.nextDouble() * cumulativeShares[cumulativeShares.length - 1];
        for (int i = 0; i < cumulativeShares.length - 1; i++) {
            if (u < cumulativeShares[i]) {
                return i;
            }
        }
        return cumulativeShares.length - 1;
    }
}
