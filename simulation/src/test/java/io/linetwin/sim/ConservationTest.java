package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LineSpec;
import java.util.stream.LongStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Over many random small lines, every released part and every material unit is accounted for, and the
 * engine's invariants (checked after every event) hold throughout: time never goes backwards, buffers stay
 * within capacity, each server holds exactly what its state says (a blocked server exactly one finished part),
 * state shares sum to 1.
 */
final class ConservationTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void releasedPartsAreGoodScrappedOrStillInTheLine(long seed) {
        LineSpec line = RandomLines.line(seed);

        ReplicationResult result = new LineSimulation(line).checkingInvariants().run(100, 1_500, seed * 31, 0);

        LineTotals totals = result.totals();
        assertThat(totals.released())
                .as("released in %s", line)
                .isEqualTo(totals.goodOut() + totals.scrapped() + totals.assembled() + totals.wipAtEnd());
        assertThat(totals.released()).isPositive();
        for (MaterialResult material : result.materials()) {
            assertThat(material.initialStock() + material.receipts() - material.consumed())
                    .as("material balance of %s", material.id())
                    .isCloseTo(material.finalStock(), Offset.offset(1e-9));
            assertThat(material.consumedByStation().values().stream()
                            .mapToDouble(Double::doubleValue)
                            .sum())
                    .isCloseTo(material.consumed(), Offset.offset(1e-9));
            assertThat(material.finalStock()).isGreaterThanOrEqualTo(0);
        }
        assertThat(result.stations()).allSatisfy(station -> {
            StateShares s = station.states();
            assertThat(s.working() + s.blocked() + s.starved() + s.down() + s.setup() + s.offShift())
                    .isCloseTo(1.0, Offset.offset(1e-9));
        });
    }
}
