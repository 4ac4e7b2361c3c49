package io.linetwin.predict.balance;

import io.linetwin.model.LineSpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The flow network of a line: streams (part flows per product, scrap, assembly, stocks, material receipts and
 * consumption, the line boundary's releases and finished parts), the nodes they belong to, and the linear
 * conservation laws they obey. Built from a scenario's line by {@link #of(LineSpec)}; the same nodes and identities
 * as the engine's part balance, so the flows of a simulation run satisfy every constraint exactly.
 */
public final class FlowNetwork {

    private final String lineId;
    private final List<String> products;
    private final List<Stream> streams;
    private final List<Constraint> constraints;
    private final List<Node> nodes;
    private final Map<String, Integer> indexById;
    private final List<List<Integer>> constraintsByStream;

    /**
     * @param products the product suffixes of per-product streams, empty when streams are totals only
     */
    public FlowNetwork(
            String lineId,
            List<String> products,
            List<Stream> streams,
            List<Constraint> constraints,
            List<Node> nodes) {
        this.lineId = Objects.requireNonNull(lineId, "lineId");
        this.products = List.copyOf(products);
        this.streams = List.copyOf(streams);
        this.constraints = List.copyOf(constraints);
        this.nodes = List.copyOf(nodes);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < this.streams.size(); i++) {
            if (index.put(this.streams.get(i).id(), i) != null) {
                throw new IllegalArgumentException(
                        "stream ids must be unique, got " + this.streams.get(i).id() + " twice");
            }
        }
        this.indexById = index;
        List<List<Integer>> byStream = new ArrayList<>();
        for (int i = 0; i < this.streams.size(); i++) {
            byStream.add(new ArrayList<>());
        }
        for (int c = 0; c < this.constraints.size(); c++) {
            for (Term term : this.constraints.get(c).terms()) {
                if (term.stream() >= this.streams.size()) {
                    throw new IllegalArgumentException(
                            "constraint " + this.constraints.get(c).id() + " must name streams < " + this.streams.size()
                                    + ", got " + term.stream());
                }
                byStream.get(term.stream()).add(c);
            }
        }
        this.constraintsByStream =
                byStream.stream().map(Collections::unmodifiableList).toList();
    }

    /** The network of {@code line}'s stations, links, material stores and boundary. */
    public static FlowNetwork of(LineSpec line) {
        return new NetworkBuilder(line).build();
    }

    /** The line's id (the Ditto thing id of the line, e.g. {@code plant1:bottling}). */
    public String lineId() {
        return lineId;
    }

    /** Products with per-product streams, in declaration order; empty when the line has fewer than two. */
    public List<String> products() {
        return products;
    }

    public List<Stream> streams() {
        return streams;
    }

    public int size() {
        return streams.size();
    }

    public Stream stream(int index) {
        return streams.get(index);
    }

    public List<Constraint> constraints() {
        return constraints;
    }

    public List<Node> nodes() {
        return nodes;
    }

    /** The index of stream {@code id}, if the network has it. */
    public Optional<Integer> indexOf(String id) {
        return Optional.ofNullable(indexById.get(id));
    }

    /** Indices of the constraints stream {@code index} appears in. */
    public List<Integer> constraintsOf(int index) {
        return constraintsByStream.get(index);
    }

    public Optional<Node> node(String id) {
        return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }
}
