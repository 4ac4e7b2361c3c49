package io.linetwin.predict.balance;

import java.util.Objects;

/**
 * One flow or stock of the flow network, counted over the period: {@code id} is
 * {@code <node>.<role>[.<product>]} ({@code filler.out.half-litre}, {@code b1.stock.end}; the product is left out
 * for the node's total over products, and for every stream of a line with fewer than two products), or
 * {@code <material>.consumed.<station>} for one station's share of a material's consumption.
 *
 * @param product the product counted, {@code ""} for all products
 * @param station the consuming station of a per-station consumption, {@code ""} otherwise
 */
public record Stream(String id, String node, NodeKind nodeKind, StreamRole role, String product, String station) {

    public Stream {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(nodeKind, "nodeKind");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(station, "station");
        if (id.isBlank() || node.isBlank()) {
            throw new IllegalArgumentException(
                    "stream id and node must not be blank, got \"" + id + "\", \"" + node + "\"");
        }
    }

    /** Whether this stream counts every product of its node (and station). */
    public boolean total() {
        return product.isEmpty();
    }
}
