package io.linetwin.sim;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * MASON's fast Mersenne Twister behind the commons-math3 interface that {@code Distribution.sample} takes.
 * Not thread-safe: each replication owns its generators.
 */
final class MersenneTwisterGenerator implements RandomGenerator {

    private final MersenneTwisterFast twister;

    MersenneTwisterGenerator(int[] seed) {
        this.twister = new MersenneTwisterFast(seed);
    }

    @Override
    public void setSeed(int seed) {
        twister.setSeed(new int[] {seed});
    }

    @Override
    public void setSeed(int[] seed) {
        twister.setSeed(seed);
    }

    @Override
    public void setSeed(long seed) {
        twister.setSeed(new int[] {(int) seed, (int) (seed >>> 32)});
    }

    @Override
    public void nextBytes(byte[] bytes) {
        twister.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return twister.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return twister.nextInt(n);
    }

    @Override
    public long nextLong() {
        return twister.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return twister.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return twister.nextFloat();
    }

    @Override
    public double nextDouble() {
        return twister.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return twister.nextGaussian();
    }
}
