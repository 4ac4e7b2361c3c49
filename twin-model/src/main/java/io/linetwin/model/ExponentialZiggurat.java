package io.linetwin.model;

import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.util.FastMath;

/**
 * Standard exponential variates by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for
 * Generating Random Variables", J. Stat. Software 5(8), 2000), 256 layers. About 98.9 % of draws cost one
 * 64-bit random number, a compare and a multiply, against a logarithm for inversion; exponential times are
 * the most frequent draw of a line model. Layer index and value come from disjoint bits of the same 64-bit
 * draw, so they are independent. Tables are built with {@link FastMath}, so draws are identical on any JVM.
 */
final class ExponentialZiggurat {

    private static final int LAYERS = 256;
    /** The right end of the base layer's rectangle, and the area of each layer (Marsaglia and Tsang). */
    private static final double R = 7.697117470131487;

    private static final double AREA = 3.949659822581572e-3;
    /** Values are drawn from the upper 53 bits of the 64-bit number, the layer from the lowest 8. */
    private static final double SCALE = 0x1.0p53;

    private static final long[] KE = new long[LAYERS];
    private static final double[] WE = new double[LAYERS];
    private static final double[] FE = new double[LAYERS];

    static {
        double de = R;
        double te = de;
        // Width of the base layer: its rectangle plus the tail have the area of every other layer.
        double q = AREA / FastMath.exp(-R);
        KE[0] = (long) ((R / q) * SCALE);
        KE[1] = 0;
        WE[0] = q / SCALE;
        WE[LAYERS - 1] = R / SCALE;
        FE[0] = 1;
        FE[LAYERS - 1] = FastMath.exp(-R);
        for (int i = LAYERS - 2; i >= 1; i--) {
            de = -FastMath.log(AREA / de + FastMath.exp(-de));
            KE[i + 1] = (long) ((de / te) * SCALE);
            te = de;
            FE[i] = FastMath.exp(-de);
            WE[i] = de / SCALE;
        }
    }

    private ExponentialZiggurat() {}

    /** One draw with mean 1. */
    static double sample(RandomGenerator random) {
        while (true) {
            long bits = random.nextLong();
            int layer = (int) (bits & (LAYERS - 1));
            long value = bits >>> 11;
            if (value < KE[layer]) {
                return value * WE[layer];
            }
            if (layer == 0) {
                // The tail beyond R is again exponential: memorylessness.
                return R - FastMath.log(1.0 - random.nextDouble());
            }
            double x = value * WE[layer];
            if (FE[layer] + random.nextDouble() * (FE[layer - 1] - FE[layer]) < FastMath.exp(-x)) {
                return x;
            }
        }
    }
}
