package io.linetwin.sim;

import io.linetwin.model.Distribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What a machine needs from its spec, resolved to product indices and the replication's generators;
 * {@code ratedSpeed} is what OEE measures speed losses against.
 */
record MachineParameters(
        Distribution[] processByProduct,
        double speed,
        double ratedSpeed,
        Distribution setup,
        Distribution[][] setupByPair,
        double scrapProbability,
        RandomGenerator processRandom,
        RandomGenerator setupRandom,
        RandomGenerator scrapRandom,
        ProductMix mix) {}
