package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

/**
 * The one place parts enter the line (used by sources and by machines without inbound buffer): each released
 * part is counted once by the line and once as flowing into its block, by product, with consecutive ids; the
 * product mix is drawn once per new part and never for a product drawn earlier, so the random streams stay in
 * step with the runs before the release was shared.
 */
final class PartReleaseTest {

    private static final double[] SHARES = {0.5, 0.3, 0.2};

    @Test
    void releasedPartsAreCountedOnceByLineAndBlockAndDrawTheMixOncePerNewPart() {
        Model model = new Model(1, false, null, new String[] {"a", "b", "c"}, 0);
        model.beginAt(5.0);
        PartFlows flows = new PartFlows(SHARES.length);
        PartRelease release = new PartRelease(model, "src", new ProductMix(SHARES, new MersenneTwister(7)), flows);
        ProductMix sameDraws = new ProductMix(SHARES, new MersenneTwister(7));
        Random choice = new Random(3);
        long[] byProduct = new long[SHARES.length];
        int parts = 20_000;
        int drawn = 0;
        for (int i = 0; i < parts; i++) {
            Part part;
            if (choice.nextBoolean()) {
                part = release.next();
                assertThat(part.product()).isEqualTo(sameDraws.draw());
                drawn++;
            } else {
                int product = choice.nextInt(SHARES.length);
                part = release.of(product);
                assertThat(part.product()).isEqualTo(product);
            }
            assertThat(part.id()).isEqualTo(i + 1L);
            assertThat(part.releaseSeconds()).isEqualTo(5.0);
            byProduct[part.product()]++;
        }
        assertThat(model.lineStats().released()).isEqualTo(parts);
        long flowedIn = 0;
        for (int product = 0; product < SHARES.length; product++) {
            assertThat(flows.in(product)).isEqualTo(byProduct[product]);
            flowedIn += flows.in(product);
        }
        assertThat(flowedIn).isEqualTo(parts);
        assertThat(drawn).as("both kinds of release were exercised").isBetween(parts / 3, 2 * parts / 3);
    }
}
