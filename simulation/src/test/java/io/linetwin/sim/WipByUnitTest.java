package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationSpec;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** WIP split by the maker whose unit the parts are, and good parts by product. */
final class WipByUnitTest {

    @Test
    void aPackerTurnsTwelveBottlesIntoOneCaseAndWipSaysWhichIsWhich() {
        // A filler (1 s) feeds a packer (12 bottles a case, 6 s) through a buffer of 0; the cases leave the line.
        // Twelve bottles take 12 s to come, so the packer works on a case 6 s of every 12 s.
        LineSpec line = LineSpec.builder("pack")
                .stations(
                        StationSpec.machine("filler", Lines.constant(1.0)),
                        StationSpec.assembly("packer", Lines.constant(6.0), List.of(new AssemblyInput("filler", 12))))
                .buffers(new BufferSpec("b", "filler", "packer", 0))
                .build();

        ReplicationResult result = LineSimulation.run(line, 1200, 12_000, 1, 0);

        assertThat(result.wipByMaker()).containsOnlyKeys("filler", "packer");
        assertThat(result.wipByMaker().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(result.wip(), within(1e-9));
        assertThat(result.wipByMaker().get("packer")).isCloseTo(0.5, within(1e-3));
        assertThat(result.throughputPerHour()).isCloseTo(300, within(1e-9));
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void wipByMakerSumsToWipAndGoodByProductToThroughput(long seed) {
        LineSpec line = RandomLines.line(seed);

        ReplicationResult result = new LineSimulation(line).run(50, 500, seed, 0);

        assertThat(result.wipByMaker().values().stream()
                        .mapToDouble(Double::doubleValue)
                        .sum())
                .isCloseTo(result.wip(), within(1e-9 * Math.max(1, result.wip())));
        assertThat(result.wipByMaker().values()).allSatisfy(w -> assertThat(w).isGreaterThanOrEqualTo(-1e-12));
        if (!line.products().isEmpty()) {
            assertThat(result.goodByProduct().keySet())
                    .containsExactlyElementsOf(
                            line.products().stream().map(ProductSpec::id).toList());
            assertThat(result.goodByProduct().values().stream()
                                    .mapToLong(Long::longValue)
                                    .sum()
                            * 3600.0
                            / 500)
                    .isCloseTo(result.throughputPerHour(), within(1e-9));
        } else {
            assertThat(result.goodByProduct()).isEmpty();
        }
    }
}
