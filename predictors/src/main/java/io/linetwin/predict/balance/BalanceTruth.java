package io.linetwin.predict.balance;

import io.linetwin.sim.MaterialResult;
import io.linetwin.sim.PartBalance;
import io.linetwin.sim.ReplicationResult;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The true values of a network's streams from one simulation run: the engine's part balance of every node and
 * product over the window, the material stores' tallies and the boundary's releases and exits. The material
 * tallies of the engine cover the whole run, warm-up included; they equal the window's only without warm-up, so
 * a run with warm-up leaves the material streams unknown ({@code NaN}).
 */
public final class BalanceTruth {

    private BalanceTruth() {}

    /** Stream values indexed like {@code network.streams()}; {@code NaN} for a stream the run does not give. */
    public static double[] of(FlowNetwork network, ReplicationResult run) {
        double[] values = new double[network.size()];
        Arrays.fill(values, Double.NaN);
        for (Node node : network.nodes()) {
            if (node.kind() != NodeKind.MATERIAL && node.kind() != NodeKind.LINE) {
                parts(network, node, run, values);
            }
        }
        if (run.warmupSeconds() == 0) {
            for (MaterialResult material : run.materials()) {
                material(network, material, values);
            }
        }
        for (Constraint constraint : network.constraints()) {
            if (constraint.kind() == ConstraintKind.BOUNDARY) {
                solveForFirst(constraint, values);
            }
        }
        for (Constraint constraint : network.constraints()) {
            if (constraint.kind() == ConstraintKind.TOTAL
                    && network.stream(constraint.terms().get(0).stream()).nodeKind() == NodeKind.LINE) {
                solveForFirst(constraint, values);
            }
        }
        return values;
    }

    /** Sets the first stream of {@code constraint} to the value that makes it hold. */
    private static void solveForFirst(Constraint constraint, double[] values) {
        double sum = 0;
        for (Term term : constraint.terms().subList(1, constraint.terms().size())) {
            sum += term.coefficient() * values[term.stream()];
        }
        values[constraint.terms().get(0).stream()] =
                -sum / constraint.terms().get(0).coefficient();
    }

    private static void parts(FlowNetwork network, Node node, ReplicationResult run, double[] values) {
        var rows = run.balance(node.id());
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(
                    "the run must have a part balance for node " + node.id() + ", got none (a run of another line?)");
        }
        Map<StreamRole, Double> totals = new EnumMap<>(StreamRole.class);
        for (PartBalance row : rows) {
            Map<StreamRole, Double> byRole = byRole(row);
            byRole.forEach((role, value) -> totals.merge(role, value, Double::sum));
            if (!network.products().isEmpty()) {
                byRole.forEach((role, value) -> set(network, node, role, row.product(), value, values));
            }
        }
        totals.forEach((role, value) -> set(network, node, role, "", value, values));
    }

    private static Map<StreamRole, Double> byRole(PartBalance row) {
        Map<StreamRole, Double> byRole = new EnumMap<>(StreamRole.class);
        byRole.put(StreamRole.STOCK_START, (double) row.stockAtStart());
        byRole.put(StreamRole.IN, (double) row.in());
        byRole.put(StreamRole.OUT, (double) row.out());
        byRole.put(StreamRole.SCRAPPED, (double) row.scrapped());
        byRole.put(StreamRole.ASSEMBLED, (double) row.assembled());
        byRole.put(StreamRole.STOCK_END, (double) row.stockAtEnd());
        return byRole;
    }

    /** A role the network leaves out (a source's stock, a machine without scrap) must have counted nothing. */
    private static void set(
            FlowNetwork network, Node node, StreamRole role, String product, double value, double[] values) {
        String id = node.id() + "." + role.idPart() + (product.isEmpty() ? "" : "." + product);
        Integer index = network.indexOf(id).orElse(null);
        if (index == null) {
            if (value != 0) {
                throw new IllegalArgumentException(
                        "the run counts " + value + " for " + id + ", a stream the network of its line does not have");
            }
            return;
        }
        values[index] = value;
    }

    private static void material(FlowNetwork network, MaterialResult material, double[] values) {
        String node = network.node(material.id())
                .filter(n -> n.kind() == NodeKind.MATERIAL)
                .map(Node::id)
                .orElse("material:" + material.id());
        put(network, node + ".stock.start", material.initialStock(), values);
        put(network, node + ".received", material.receipts(), values);
        put(network, node + ".consumed", material.consumed(), values);
        put(network, node + ".stock.end", material.finalStock(), values);
        for (int index : network.node(node).orElseThrow().streams()) {
            String station = network.stream(index).station();
            if (!station.isEmpty()) {
                values[index] = material.consumedByStation().getOrDefault(station, 0.0);
            }
        }
    }

    private static void put(FlowNetwork network, String id, double value, double[] values) {
        values[
                network.indexOf(id)
                        .orElseThrow(() -> new IllegalArgumentException(
                                "the run has material stream " + id + ", the network does not"))] = value;
    }
}
