package io.linetwin.predict.balance;

import java.util.List;
import java.util.Objects;

/**
 * A node of the flow network: a station, link or material store under its scenario id, or the line's boundary.
 * {@code closure} is the node's balance over all products on its total streams (stock at start + in - out -
 * scrapped - assembled - stock at end, or a store's start + received - consumed - end; for the boundary
 * released - finished - all scrap and assembly + all stock at start - all stock at end): zero when the node's
 * counts agree.
 */
public record Node(String id, NodeKind kind, List<Integer> streams, List<Term> closure) {

    public Node {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        streams = List.copyOf(streams);
        closure = List.copyOf(closure);
    }
}
