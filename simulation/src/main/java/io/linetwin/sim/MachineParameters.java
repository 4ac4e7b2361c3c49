package io.linetwin.sim;

import io.linetwin.model.Distribution;
import org.apache.commons.math3.random.RandomGenerator;

/** What a machine needs from its spec, resolved to product indices and the replication's generators. */
record MachineParameters(
        Distribution[] processByProduct,
        double speed,
        Distribution setup,
        Distribution[][] setupByPair,
        double scrapProbability,
        RandomGenerator processRandom,
        RandomGenerator setupRandom,
        RandomGenerator scrapRandom,
        ProductMix mix) {
}
