package io.linetwin.app.balance;

import io.linetwin.predict.balance.Constraint;
import io.linetwin.predict.balance.FlowNetwork;
import io.linetwin.predict.balance.Stream;
import io.linetwin.predict.balance.Term;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code linetwin balance FILE --streams}: every stream with its node and its part in each constraint. */
public final class StreamListing {

    private StreamListing() {}

    public static void print(PrintWriter out, String scenario, FlowNetwork network) {
        out.printf(
                Locale.ROOT,
                "%s · %d streams, %d constraints, %d nodes%s%n",
                scenario,
                network.size(),
                network.constraints().size(),
                network.nodes().size(),
                network.products().isEmpty() ? "" : " · products " + String.join(", ", network.products()));
        out.println("ids: <node>.<role>[.<product>]; a stream without product counts all products; "
                + "each constraint is sum of coefficient x stream = 0");
        out.println();
        out.printf(Locale.ROOT, "%-34s %-16s %-10s %-12s %s%n", "stream", "node", "kind", "role", "constraints");
        for (int v = 0; v < network.size(); v++) {
            Stream stream = network.stream(v);
            List<String> roles = new ArrayList<>();
            for (int c : network.constraintsOf(v)) {
                Constraint constraint = network.constraints().get(c);
                int index = v;
                double coefficient = constraint.terms().stream()
                        .filter(t -> t.stream() == index)
                        .mapToDouble(Term::coefficient)
                        .findFirst()
                        .orElseThrow();
                roles.add(constraint.id() + " (" + coefficient(coefficient) + ")");
            }
            out.printf(
                    Locale.ROOT,
                    "%-34s %-16s %-10s %-12s %s%n",
                    stream.id(),
                    stream.node(),
                    stream.nodeKind().jsonName(),
                    stream.role().idPart(),
                    String.join(", ", roles));
        }
        out.flush();
    }

    private static String coefficient(double c) {
        String magnitude = java.math.BigDecimal.valueOf(Math.abs(c))
                .round(new java.math.MathContext(6))
                .stripTrailingZeros()
                .toPlainString();
        return (c < 0 ? "-" : "+") + magnitude;
    }
}
