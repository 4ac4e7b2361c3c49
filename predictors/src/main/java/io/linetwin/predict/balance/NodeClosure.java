package io.linetwin.predict.balance;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * How well one node's counts close: its balance over all products ({@link Node#closure()}) from the measurements
 * ({@code before}: each term's measured total, or the sum of its measured per-product values; empty when a term
 * is unmeasured, named in {@code unmeasured}) and from the reconciled estimates ({@code after}: zero up to
 * rounding; empty when a term is unobservable).
 */
public record NodeClosure(Node node, OptionalDouble before, OptionalDouble after, List<String> unmeasured) {

    public NodeClosure {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        unmeasured = List.copyOf(unmeasured);
    }

    /** The closure of every node, in the network's order. */
    public static List<NodeClosure> of(Reconciliation reconciliation) {
        FlowNetwork network = reconciliation.network();
        MeasurementSet measurements = reconciliation.measurements();
        List<NodeClosure> closures = new ArrayList<>();
        for (Node node : network.nodes()) {
            double before = 0;
            double after = 0;
            List<String> unmeasured = new ArrayList<>();
            for (Term term : node.closure()) {
                double raw = raw(network, measurements, term.stream());
                if (Double.isNaN(raw)) {
                    unmeasured.add(network.stream(term.stream()).id());
                }
                before += term.coefficient() * raw;
                after += term.coefficient() * reconciliation.estimate(term.stream());
            }
            closures.add(new NodeClosure(
                    node,
                    unmeasured.isEmpty() ? OptionalDouble.of(before) : OptionalDouble.empty(),
                    Double.isNaN(after) ? OptionalDouble.empty() : OptionalDouble.of(after),
                    unmeasured));
        }
        return closures;
    }

    /** A total's measured value, or the sum of its measured per-product streams; NaN when neither is there. */
    private static double raw(FlowNetwork network, MeasurementSet measurements, int total) {
        if (measurements.measured(total)) {
            return measurements.value(total);
        }
        Stream stream = network.stream(total);
        if (network.products().isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (String product : network.products()) {
            int part = network.indexOf(stream.id() + "." + product).orElse(-1);
            if (part < 0 || !measurements.measured(part)) {
                return Double.NaN;
            }
            sum += measurements.value(part);
        }
        return sum;
    }
}
