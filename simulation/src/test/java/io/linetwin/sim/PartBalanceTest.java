package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The per-node part balance over random lines with every block (sources, machines with scrap and rework
 * routes, assemblies, buffers, conveyors, AGV moves, sinks): stocks are counted from the blocks and flows at
 * their boundaries, so each identity below checks one bookkeeping against the other.
 */
final class PartBalanceTest {

    private static final double HORIZON_SECONDS = 1_500;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 60);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void everyNodeBalancesForEveryProduct(long seed) {
        LineSpec line = RandomLines.line(seed);

        ReplicationResult result =
                new LineSimulation(line).checkingInvariants().run(100, HORIZON_SECONDS, seed * 31, 0);

        int products = Math.max(1, line.products().size());
        assertThat(result.balance())
                .hasSize((line.stations().size() + line.buffers().size()) * products);
        for (PartBalance row : result.balance()) {
            assertThat(row.stockAtStart() + row.in() - row.out() - row.scrapped() - row.assembled())
                    .as("balance of %s/%s in %s", row.node(), row.product(), line)
                    .isEqualTo(row.stockAtEnd());
        }
        assertFlowsMatchAcrossLinks(line, result);
        assertLineBalances(line, result);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void aWholeRunWindowAgreesWithTheLineTotals(long seed) {
        LineSpec line = RandomLines.line(seed);

        ReplicationResult result = new LineSimulation(line).run(0, HORIZON_SECONDS, seed, 0);

        LineTotals totals = result.totals();
        assertThat(sum(result.balance(), PartBalance::stockAtStart)).isZero();
        assertThat(sum(releasePoints(line, result), PartBalance::in)).isEqualTo(totals.released());
        assertThat(sum(exitPoints(line, result), PartBalance::out)).isEqualTo(totals.goodOut());
        assertThat(sum(result.balance(), PartBalance::scrapped)).isEqualTo(totals.scrapped());
        assertThat(sum(result.balance(), PartBalance::assembled)).isEqualTo(totals.assembled());
        assertThat(sum(result.balance(), PartBalance::stockAtEnd)).isEqualTo(totals.wipAtEnd());
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void aWarmStartBeginsWithTheStateAsStock(long seed) {
        LineSpec line = RandomLines.line(seed);
        LineSimulation simulation = new LineSimulation(line);
        LineState state = simulation.snapshot(700, seed, 0, Instant.EPOCH);

        ReplicationResult result = simulation.run(state, 0, HORIZON_SECONDS, seed, 1);

        assertThat(sum(result.balance(), PartBalance::stockAtStart))
                .isEqualTo(result.totals().wipAtStart());
        for (PartBalance row : result.balance()) {
            assertThat(row.stockAtStart() + row.in() - row.out() - row.scrapped() - row.assembled())
                    .as("balance of %s/%s", row.node(), row.product())
                    .isEqualTo(row.stockAtEnd());
        }
        assertLineBalances(line, result);
    }

    /**
     * What leaves a station enters its outbound links, and what leaves the links into a station enters it, product
     * by product (a station with several links splits or merges).
     */
    private static void assertFlowsMatchAcrossLinks(LineSpec line, ReplicationResult result) {
        Map<String, PartBalance> rows = byNodeAndProduct(result);
        for (StationSpec station : line.stations()) {
            for (String product : products(line)) {
                PartBalance node = rows.get(station.id() + "/" + product);
                List<BufferSpec> outbound = line.outbound(station.id());
                if (!outbound.isEmpty()) {
                    assertThat(outbound.stream()
                                    .mapToLong(b ->
                                            rows.get(b.id() + "/" + product).in())
                                    .sum())
                            .as("parts of %s into the links out of %s", product, station.id())
                            .isEqualTo(node.out());
                }
                List<BufferSpec> inbound = line.inbound(station.id());
                if (!inbound.isEmpty()) {
                    assertThat(inbound.stream()
                                    .mapToLong(b ->
                                            rows.get(b.id() + "/" + product).out())
                                    .sum())
                            .as("parts of %s from the links into %s", product, station.id())
                            .isEqualTo(node.in());
                }
            }
        }
    }

    /** Released = finished + scrapped + assembled + change in WIP, and finished = the throughput's count. */
    private static void assertLineBalances(LineSpec line, ReplicationResult result) {
        long released = sum(releasePoints(line, result), PartBalance::in);
        long finished = sum(exitPoints(line, result), PartBalance::out);
        long wipChange =
                sum(result.balance(), PartBalance::stockAtEnd) - sum(result.balance(), PartBalance::stockAtStart);
        assertThat(released)
                .isEqualTo(finished
                        + sum(result.balance(), PartBalance::scrapped)
                        + sum(result.balance(), PartBalance::assembled)
                        + wipChange);
        assertThat(sum(result.balance(), PartBalance::stockAtEnd))
                .isEqualTo(result.totals().wipAtEnd());
        assertThat((double) finished)
                .isCloseTo(
                        result.throughputPerHour() * HORIZON_SECONDS / 3600, org.assertj.core.data.Offset.offset(1e-6));
    }

    /** Sources and machines without inbound links: where parts enter the line. */
    private static List<PartBalance> releasePoints(LineSpec line, ReplicationResult result) {
        return result.balance().stream()
                .filter(row -> {
                    StationSpec station = line.station(row.node()).orElse(null);
                    return station != null
                            && (station.kind() == StationKind.SOURCE
                                    || station.kind() != StationKind.SINK
                                            && line.inbound(station.id()).isEmpty());
                })
                .toList();
    }

    /** Sinks and machines without outbound links: where good parts leave the line. */
    private static List<PartBalance> exitPoints(LineSpec line, ReplicationResult result) {
        return result.balance().stream()
                .filter(row -> {
                    StationSpec station = line.station(row.node()).orElse(null);
                    return station != null
                            && (station.kind() == StationKind.SINK
                                    || station.kind() != StationKind.SOURCE
                                            && line.outbound(station.id()).isEmpty());
                })
                .toList();
    }

    private static Map<String, PartBalance> byNodeAndProduct(ReplicationResult result) {
        Map<String, PartBalance> rows = new HashMap<>();
        result.balance().forEach(row -> rows.put(row.node() + "/" + row.product(), row));
        return rows;
    }

    private static List<String> products(LineSpec line) {
        return line.products().isEmpty()
                ? List.of("")
                : line.products().stream().map(p -> p.id()).toList();
    }

    private static long sum(List<PartBalance> rows, java.util.function.ToLongFunction<PartBalance> field) {
        return rows.stream().mapToLong(field).sum();
    }
}
