package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Changeovers by product pair, and per-product processing on parallel servers. */
final class SetupMatrixTest {

    private static LineSpec twoProducts(StationSpec machine) {
        return LineSpec.builder("test:matrix")
                .products(List.of(new ProductSpec("a", 1), new ProductSpec("b", 1)))
                .stations(machine)
                .build();
    }

    @Test
    void eachChangeoverTakesItsPairsTime() {
        // a → b takes 10 s, b → a 4 s by the matrix; no plain setup, so nothing else changes over.
        StationSpec machine = StationSpec.machine("m", Lines.constant(1))
                .withSetupMatrix(Map.of("a", Map.of("b", Lines.constant(10)), "b", Map.of("a", Lines.constant(4))));
        Map<Long, String> productOf = new HashMap<>();
        String[] last = new String[1];
        int[] changes = new int[2];

        ReplicationResult result = new LineSimulation(twoProducts(machine))
                .checkingInvariants()
                .run(0, 10_000, 5, 0, event -> {
                    if (event instanceof TraceEvent.PartReleased released) {
                        if (last[0] != null && !last[0].equals(released.product())) {
                            changes[released.product().equals("b") ? 0 : 1]++;
                        }
                        last[0] = released.product();
                        productOf.put(released.part(), released.product());
                    }
                });

        double setupSeconds = result.stations().get(0).states().setup() * 10_000;
        // The last changeover may still run at the end of the window.
        assertThat(setupSeconds).isCloseTo(10.0 * changes[0] + 4.0 * changes[1], within(10.0));
        assertThat(changes[0]).isGreaterThan(500);
    }

    @Test
    void aPlainSetupCoversThePairsTheMatrixLeavesOut() {
        StationSpec machine = StationSpec.machine("m", Lines.constant(1))
                .withSetup(Optional.of(Lines.constant(3)))
                .withSetupMatrix(Map.of("a", Map.of("b", Lines.constant(10))));

        assertThat(machine.setupFor("a", "b")).contains(Lines.constant(10));
        assertThat(machine.setupFor("b", "a")).contains(Lines.constant(3));
    }

    @Test
    void parallelServersWorkEachProductAtItsOwnTime() {
        // a takes 2 s, b 4 s, half each: 3 s on average per part and server, two servers, never starved.
        StationSpec machine = StationSpec.machine("m", Lines.constant(2))
                .withServers(2)
                .withProcess(Lines.constant(2), Map.of("b", Lines.constant(4)));

        ReplicationResult result =
                new LineSimulation(twoProducts(machine)).checkingInvariants().run(100, 36_000, 9, 0);

        assertThat(result.throughputPerHour()).isCloseTo(2 * 3_600 / 3.0, within(2_400 * 0.02));
        assertThat(result.stations().get(0).states().working()).isCloseTo(1.0, within(1e-9));
    }
}
