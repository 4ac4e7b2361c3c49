package io.linetwin.sim;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Common random numbers by construction: every (station, purpose) pair of a replication gets its own
 * generator, seeded from a SplitMix64 hash of the seed, the replication index and the UTF-8 bytes of the
 * names. A variant that changes one station therefore leaves the draws of every other station untouched,
 * and the seeds are the same on any JVM (no {@code String.hashCode}, no identity hashes).
 */
final class RandomStreams {

    static final String PROCESS = "process";
    static final String SCRAP = "scrap";
    static final String SETUP = "setup";
    static final String MIX = "mix";
    static final String ARRIVALS = "arrivals";
    static final String ROUTE = "route";
    static final String FAILURE_PREFIX = "failure-";
    static final String REPAIR_PREFIX = "repair-";

    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int replication;

    RandomStreams(long seed, int replication) {
        this.seed = seed;
        this.replication = replication;
    }

    RandomGenerator stream(String stationId, String purpose) {
        long h = mix(seed);
        h = mix(h ^ replication);
        h = absorb(h, stationId);
        // A separator keeps ("ab", "c") and ("a", "bc") apart.
        h = mix(h ^ 0xFFL);
        h = absorb(h, purpose);
        long second = mix(h + GOLDEN_GAMMA);
        return new MersenneTwisterGenerator(new int[] {(int) h, (int) (h >>> 32), (int) second, (int) (second >>> 32)});
    }

    private static long absorb(long state, String text) {
        long h = state;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h = mix(h ^ (b & 0xFFL));
        }
        return mix(h ^ text.length());
    }

    /** One SplitMix64 step (Steele, Lea and Flood 2014). */
    static long mix(long value) {
        long z = value + GOLDEN_GAMMA;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
