package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Assemblies build one part from their bill of materials and wait until every input is there. */
final class AssemblyTest {

    /** A body (1 per unit) and wheels (4 per unit) meet at an assembly that leaves the line. */
    private static LineSpec car(double bodySeconds, double wheelSeconds, double assemblySeconds) {
        return LineSpec.builder("test:car")
                .stations(
                        StationSpec.machine("body", Lines.constant(bodySeconds)),
                        StationSpec.machine("wheel", Lines.constant(wheelSeconds)),
                        StationSpec.assembly(
                                "asm",
                                Lines.constant(assemblySeconds),
                                List.of(new AssemblyInput("body", 1), new AssemblyInput("b-wheel", 4))))
                .buffers(new BufferSpec("b-body", "body", "asm", 3), new BufferSpec("b-wheel", "wheel", "asm", 8))
                .build();
    }

    @Test
    void everyUnitTakesItsBillOfMaterials() {
        Map<String, Long> assembledInto = new HashMap<>();
        long[] finished = new long[1];

        ReplicationResult result = new LineSimulation(car(1, 0.2, 0.9))
                .checkingInvariants()
                .run(0, 1_000, 1, 0, event -> {
                    if (event instanceof TraceEvent.PartAssembled assembled) {
                        assembledInto.merge(assembled.station() + "#" + assembled.into(), 1L, Long::sum);
                    } else if (event instanceof TraceEvent.PartFinished) {
                        finished[0]++;
                    }
                });

        LineTotals totals = result.totals();
        // Each hand-over builds 4 wheels into one body; every unit that left took exactly 4, and at most one
        // more unit is still in the assembly's server at the end.
        assertThat(assembledInto.values()).allMatch(n -> n == 4);
        assertThat(totals.assembled()).isEqualTo(4L * assembledInto.size());
        assertThat((long) assembledInto.size()).isBetween(finished[0], finished[0] + 1);
        assertThat(totals.released())
                .isEqualTo(totals.goodOut() + totals.scrapped() + totals.assembled() + totals.wipAtEnd());
        // The body machine (1 s) paces the line: 1,000 bodies at most, less the first cycle's lag.
        assertThat(totals.goodOut()).isBetween(997L, 1_000L);
    }

    @Test
    void theSlowestInputPerUnitPacesTheAssembly() {
        // Wheels at 0.5 s each: 2 s per set of four, slower than the body (1 s) and the assembly (0.9 s).
        ReplicationResult result = new LineSimulation(car(1, 0.5, 0.9)).run(100, 3_600, 1, 0);

        assertThat(result.throughputPerHour()).isCloseTo(1_800, within(1.0));
        StateShares body = result.stations().get(0).states();
        assertThat(body.blocked()).isCloseTo(0.5, within(0.01));
        assertThat(result.bottleneck()).contains("wheel");
    }

    @Test
    void theAssembledPartKeepsTheProductOfTheFirstInput() {
        LineSpec plain = car(1, 0.2, 0.9);
        LineSpec twoProducts = LineSpec.builder(plain.id())
                .products(List.of(new ProductSpec("sedan", 1), new ProductSpec("van", 1)))
                .stations(plain.stations())
                .buffers(plain.buffers())
                .build();
        Map<Long, String> productOf = new HashMap<>();
        Map<String, Long> finishedByProduct = new HashMap<>();
        Map<String, Long> bodiesByProduct = new HashMap<>();

        new LineSimulation(twoProducts).run(0, 500, 4, 0, event -> {
            if (event instanceof TraceEvent.PartReleased released) {
                productOf.put(released.part(), released.product());
                if (released.station().equals("body")) {
                    bodiesByProduct.merge(released.product(), 1L, Long::sum);
                }
            } else if (event instanceof TraceEvent.PartFinished done) {
                assertThat(done.product()).isEqualTo(productOf.get(done.part()));
                assertThat(done.station()).isEqualTo("asm");
                finishedByProduct.merge(done.product(), 1L, Long::sum);
            }
        });

        assertThat(finishedByProduct.keySet()).containsExactlyInAnyOrder("sedan", "van");
        assertThat(finishedByProduct.values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isLessThanOrEqualTo(bodiesByProduct.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
    }
}
