package io.linetwin.sim;

import java.util.Objects;

/**
 * The part balance of one node of the line for one product over the statistics window: parts held at its
 * start ({@code stockAtStart}), parts that came in, went out (good parts passed on, or out of the line at a
 * sink or a machine without outbound link), were scrapped there, or were built into another part there
 * ({@code assembled}, assemblies only), and parts held at its end. Both stocks are counted from what the block
 * physically holds (servers, staging places, waiting and travelling parts, parts on board a vehicle), the flows
 * as parts cross its boundary, so {@code stockAtStart + in - out - scrapped - assembled = stockAtEnd} is a
 * check, not a definition. {@code node} is the scenario id of a station, buffer, conveyor or AGV move;
 * {@code kind} is one of {@code source, machine, assembly, batch, sink, buffer, conveyor, agv}; {@code product} is the
 * product id, {@code ""} for a line without products. A source's {@code in} counts the parts it released, a
 * machine without inbound link counts its releases as {@code in} too.
 */
public record PartBalance(
        String node,
        String kind,
        String product,
        long stockAtStart,
        long in,
        long out,
        long scrapped,
        long assembled,
        long stockAtEnd) {

    public PartBalance {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(product, "product");
        if (stockAtStart < 0 || in < 0 || out < 0 || scrapped < 0 || assembled < 0 || stockAtEnd < 0) {
            throw new IllegalArgumentException("balance of " + node + " must count >= 0 parts, got start "
                    + stockAtStart + ", in " + in + ", out " + out + ", scrapped " + scrapped + ", assembled "
                    + assembled + ", end " + stockAtEnd);
        }
    }

    /** The sum of two balances of the same node and product (e.g. over replications). */
    public PartBalance plus(PartBalance other) {
        if (!node.equals(other.node) || !product.equals(other.product)) {
            throw new IllegalArgumentException("balances to add must be of one node and product, got " + node + "/"
                    + product + " and " + other.node + "/" + other.product);
        }
        return new PartBalance(
                node,
                kind,
                product,
                stockAtStart + other.stockAtStart,
                in + other.in,
                out + other.out,
                scrapped + other.scrapped,
                assembled + other.assembled,
                stockAtEnd + other.stockAtEnd);
    }
}
