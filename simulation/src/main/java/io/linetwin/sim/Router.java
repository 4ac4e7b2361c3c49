package io.linetwin.sim;

import org.apache.commons.math3.random.RandomGenerator;

/**
 * Where a station with several outbound buffers sends a finished part: by share (a draw from the station's
 * own route stream, so variants keep common random numbers) or by product (a fixed table).
 */
final class Router {

    private final Downstream[] targets;
    private final String[] targetIds;
    private final double[] cumulativeShares;
    private final int[] targetOfProduct;
    private final RandomGenerator random;

    private Router(
            Downstream[] targets,
            String[] targetIds,
            double[] cumulativeShares,
            int[] targetOfProduct,
            RandomGenerator random) {
        this.targets = targets.clone();
        this.targetIds = targetIds.clone();
        this.cumulativeShares = cumulativeShares;
        this.targetOfProduct = targetOfProduct;
        this.random = random;
    }

    static Router byShare(Downstream[] targets, String[] targetIds, double[] shares, RandomGenerator random) {
        double[] cumulative = new double[shares.length];
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            cumulative[i] = sum;
        }
        return new Router(targets, targetIds, cumulative, null, random);
    }

    static Router byProduct(Downstream[] targets, String[] targetIds, int[] targetOfProduct) {
        return new Router(targets, targetIds, null, targetOfProduct.clone(), null);
    }

    int choose(Part part) {
        if (targetOfProduct != null) {
            return targetOfProduct[part.product()];
        }
        double u = random.nextDouble() * cumulativeShares[cumulativeShares.length - 1];
        for (int i = 0; i < cumulativeShares.length - 1; i++) {
            if (u < cumulativeShares[i]) {
                return i;
            }
        }
        return cumulativeShares.length - 1;
    }

    Downstream target(int index) {
        return targets[index];
    }

    String targetId(int index) {
        return targetIds[index];
    }
}
