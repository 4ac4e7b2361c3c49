package io.linetwin.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one replication measured over the window [warmup, warmup + horizon]. {@code throughputPerHour}: good
 * parts leaving the line in the window per hour; {@code wip}: time-average number of parts released and not
 * yet left; {@code leadTimeSeconds}: mean release-to-exit time of the good parts leaving in the window (NaN
 * when none left: there is no lead time to measure); {@code stations}: the machines in declaration order; {@code bottleneck}: the machine with
 * the largest active-period bottleneck share (empty when no machine was ever active); {@code events}: MASON
 * steppable runs over the whole run, warm-up included; {@code materials}: each material's balance and
 * shortages, in declaration order; {@code balance}: the
 * part balance of every node (stations, then links, in declaration order) and product over the window;
 * {@code conveyors}: each conveyor's moving and down shares and failures in the window, in declaration order;
 * {@code wipByMaker}: the time-average WIP split by the maker whose unit the parts are (release points and
 * assemblies, see {@code io.linetwin.model.Makers}; sums to {@code wip}); {@code goodByProduct}: good parts that
 * left in the window per declared product (empty for a line without products).
 */
public record ReplicationResult(
        long seed,
        int replication,
        double warmupSeconds,
        double horizonSeconds,
        double throughputPerHour,
        double wip,
        double leadTimeSeconds,
        List<StationResult> stations,
        Optional<String> bottleneck,
        LineTotals totals,
        long events,
        List<MaterialResult> materials,
        Optional<TransportResult> transport,
        List<PartBalance> balance,
        List<ConveyorResult> conveyors,
        Map<String, Double> wipByMaker,
        Map<String, Long> goodByProduct) {

    /** A result without the split of WIP by maker and of good parts by product. */
    public ReplicationResult(
            long seed,
            int replication,
            double warmupSeconds,
            double horizonSeconds,
            double throughputPerHour,
            double wip,
            double leadTimeSeconds,
            List<StationResult> stations,
            Optional<String> bottleneck,
            LineTotals totals,
            long events,
            List<MaterialResult> materials,
            Optional<TransportResult> transport,
            List<PartBalance> balance,
            List<ConveyorResult> conveyors) {
        this(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                throughputPerHour,
                wip,
                leadTimeSeconds,
                stations,
                bottleneck,
                totals,
                events,
                materials,
                transport,
                balance,
                conveyors,
                Map.of(),
                Map.of());
    }

    /** A result of a line without materials. */
    public ReplicationResult(
            long seed,
            int replication,
            double warmupSeconds,
            double horizonSeconds,
            double throughputPerHour,
            double wip,
            double leadTimeSeconds,
            List<StationResult> stations,
            Optional<String> bottleneck,
            LineTotals totals,
            long events) {
        this(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                throughputPerHour,
                wip,
                leadTimeSeconds,
                stations,
                bottleneck,
                totals,
                events,
                List.of(),
                Optional.empty());
    }

    /** A result of a line without an AGV fleet. */
    public ReplicationResult(
            long seed,
            int replication,
            double warmupSeconds,
            double horizonSeconds,
            double throughputPerHour,
            double wip,
            double leadTimeSeconds,
            List<StationResult> stations,
            Optional<String> bottleneck,
            LineTotals totals,
            long events,
            List<MaterialResult> materials) {
        this(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                throughputPerHour,
                wip,
                leadTimeSeconds,
                stations,
                bottleneck,
                totals,
                events,
                materials,
                Optional.empty());
    }

    /** A result without part balances. */
    public ReplicationResult(
            long seed,
            int replication,
            double warmupSeconds,
            double horizonSeconds,
            double throughputPerHour,
            double wip,
            double leadTimeSeconds,
            List<StationResult> stations,
            Optional<String> bottleneck,
            LineTotals totals,
            long events,
            List<MaterialResult> materials,
            Optional<TransportResult> transport) {
        this(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                throughputPerHour,
                wip,
                leadTimeSeconds,
                stations,
                bottleneck,
                totals,
                events,
                materials,
                transport,
                List.of(),
                List.of());
    }

    /** A result without conveyor figures. */
    public ReplicationResult(
            long seed,
            int replication,
            double warmupSeconds,
            double horizonSeconds,
            double throughputPerHour,
            double wip,
            double leadTimeSeconds,
            List<StationResult> stations,
            Optional<String> bottleneck,
            LineTotals totals,
            long events,
            List<MaterialResult> materials,
            Optional<TransportResult> transport,
            List<PartBalance> balance) {
        this(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                throughputPerHour,
                wip,
                leadTimeSeconds,
                stations,
                bottleneck,
                totals,
                events,
                materials,
                transport,
                balance,
                List.of());
    }

    public ReplicationResult {
        materials = List.copyOf(materials);
        balance = List.copyOf(balance);
        conveyors = List.copyOf(conveyors);
        wipByMaker = Collections.unmodifiableMap(new LinkedHashMap<>(wipByMaker));
        goodByProduct = Collections.unmodifiableMap(new LinkedHashMap<>(goodByProduct));
        Objects.requireNonNull(transport, "transport");
        stations = List.copyOf(stations);
        Objects.requireNonNull(bottleneck, "bottleneck");
        Objects.requireNonNull(totals, "totals");
        if (!(throughputPerHour >= 0) || !(wip >= 0) || leadTimeSeconds < 0) {
            throw new IllegalArgumentException("KPIs must be >= 0, got throughput " + throughputPerHour + ", wip " + wip
                    + ", lead time " + leadTimeSeconds);
        }
        if (events < 0) {
            throw new IllegalArgumentException("events must be >= 0, got " + events);
        }
    }

    public Optional<MaterialResult> material(String id) {
        return materials.stream().filter(m -> m.id().equals(id)).findFirst();
    }

    /** The balance rows of node {@code id}, one per product. */
    public List<PartBalance> balance(String id) {
        return balance.stream().filter(b -> b.node().equals(id)).toList();
    }

    public Optional<StationResult> station(String id) {
        return stations.stream().filter(s -> s.id().equals(id)).findFirst();
    }
}
