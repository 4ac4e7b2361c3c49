package io.linetwin.predict.balance;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds the flow network of a line; see {@link FlowNetwork}. */
final class NetworkBuilder {

    /** The node id of the line's boundary, unless a station, link or material already has it. */
    static final String BOUNDARY = "line";

    private final LineSpec line;
    private final List<String> products;
    private final List<Stream> streams = new ArrayList<>();
    private final List<Constraint> constraints = new ArrayList<>();
    private final List<Node> nodes = new ArrayList<>();
    /** Per part node and role: the total stream and the per-product streams (in product order). */
    private final Map<String, Map<StreamRole, int[]>> byNode = new HashMap<>();

    NetworkBuilder(LineSpec line) {
        this.line = line;
        this.products = line.products().size() >= 2
                ? line.products().stream().map(ProductSpec::id).toList()
                : List.of();
    }

    FlowNetwork build() {
        for (StationSpec station : line.stations()) {
            partNode(station.id(), kindOf(station), rolesOf(station));
        }
        for (BufferSpec link : line.buffers()) {
            NodeKind kind = line.conveyor(link.id()).isPresent()
                    ? NodeKind.CONVEYOR
                    : line.move(link.id()).isPresent() ? NodeKind.AGV : NodeKind.BUFFER;
            partNode(
                    link.id(),
                    kind,
                    List.of(StreamRole.STOCK_START, StreamRole.IN, StreamRole.OUT, StreamRole.STOCK_END));
        }
        for (StationSpec station : line.stations()) {
            links(station);
        }
        for (MaterialSpec material : line.materials()) {
            material(material);
        }
        boundary();
        return new FlowNetwork(line.id(), products, streams, constraints, nodes);
    }

    private static NodeKind kindOf(StationSpec station) {
        return switch (station.kind()) {
            case SOURCE -> NodeKind.SOURCE;
            case MACHINE -> NodeKind.MACHINE;
            case ASSEMBLY -> NodeKind.ASSEMBLY;
            case BATCH -> NodeKind.BATCH;
            case SINK -> NodeKind.SINK;
        };
    }

    /** Sources and sinks hold no parts; scrap only where the scenario scraps, assembly only at assemblies. */
    private static List<StreamRole> rolesOf(StationSpec station) {
        if (!station.kind().processesParts()) {
            return List.of(StreamRole.IN, StreamRole.OUT);
        }
        List<StreamRole> roles = new ArrayList<>(List.of(StreamRole.STOCK_START, StreamRole.IN, StreamRole.OUT));
        if (station.scrap() > 0) {
            roles.add(StreamRole.SCRAPPED);
        }
        if (station.kind() == StationKind.ASSEMBLY) {
            roles.add(StreamRole.ASSEMBLED);
        }
        roles.add(StreamRole.STOCK_END);
        return roles;
    }

    private void partNode(String id, NodeKind kind, List<StreamRole> roles) {
        Map<StreamRole, int[]> roleStreams = new EnumMap<>(StreamRole.class);
        List<Integer> nodeStreams = new ArrayList<>();
        for (StreamRole role : roles) {
            int[] indices = streamsOf(id, kind, role, "");
            roleStreams.put(role, indices);
            for (int index : indices) {
                nodeStreams.add(index);
            }
        }
        byNode.put(id, roleStreams);
        List<Term> closure = new ArrayList<>();
        for (StreamRole role : roles) {
            closure.add(new Term(roleStreams.get(role)[0], role.balanceSign()));
        }
        for (int p = 0; p < Math.max(1, products.size()); p++) {
            List<Term> terms = new ArrayList<>();
            for (StreamRole role : roles) {
                terms.add(new Term(roleStreams.get(role)[p + (products.isEmpty() ? 0 : 1)], role.balanceSign()));
            }
            constraints.add(new Constraint("balance:" + id + suffix(p), ConstraintKind.BALANCE, id, terms));
        }
        nodes.add(new Node(id, kind, nodeStreams, closure));
    }

    /**
     * The total stream of a node's role and, for a line with products, one per product (with a constraint that
     * they add up to the total); returns the total's index first.
     */
    private int[] streamsOf(String node, NodeKind kind, StreamRole role, String station) {
        String base = node + "." + role.idPart() + (station.isEmpty() ? "" : "." + station);
        int[] indices = new int[1 + products.size()];
        indices[0] = add(new Stream(base, node, kind, role, "", station));
        if (products.isEmpty()) {
            return indices;
        }
        List<Term> sum = new ArrayList<>();
        sum.add(new Term(indices[0], 1));
        for (int p = 0; p < products.size(); p++) {
            indices[p + 1] = add(new Stream(base + "." + products.get(p), node, kind, role, products.get(p), station));
            sum.add(new Term(indices[p + 1], -1));
        }
        constraints.add(new Constraint("total:" + base, ConstraintKind.TOTAL, node, sum));
        return indices;
    }

    private int add(Stream stream) {
        streams.add(stream);
        return streams.size() - 1;
    }

    private String suffix(int product) {
        return products.isEmpty() ? "" : ":" + products.get(product);
    }

    /** A station's out feeds its outbound links' in; its in is fed by its inbound links' out (per product). */
    private void links(StationSpec station) {
        String id = station.id();
        List<BufferSpec> outbound = line.outbound(id);
        List<BufferSpec> inbound = line.inbound(id);
        for (int p = 0; p < Math.max(1, products.size()); p++) {
            int slot = products.isEmpty() ? 0 : p + 1;
            if (!outbound.isEmpty()) {
                List<Term> terms = new ArrayList<>();
                terms.add(new Term(byNode.get(id).get(StreamRole.OUT)[slot], 1));
                outbound.forEach(
                        link -> terms.add(new Term(byNode.get(link.id()).get(StreamRole.IN)[slot], -1)));
                constraints.add(new Constraint("outflow:" + id + suffix(p), ConstraintKind.OUTFLOW, id, terms));
            }
            if (!inbound.isEmpty()) {
                List<Term> terms = new ArrayList<>();
                terms.add(new Term(byNode.get(id).get(StreamRole.IN)[slot], 1));
                inbound.forEach(link -> terms.add(new Term(byNode.get(link.id()).get(StreamRole.OUT)[slot], -1)));
                constraints.add(new Constraint("inflow:" + id + suffix(p), ConstraintKind.INFLOW, id, terms));
            }
        }
    }

    /**
     * A store: start + received - consumed - end = 0; consumption tied to the operations of each consuming station
     * (a machine's operations are its parts in; an assembly's are its assembled parts / (kit size - 1)).
     */
    private void material(MaterialSpec material) {
        String id = partNodeIds().contains(material.id()) || material.id().equals(BOUNDARY)
                ? "material:" + material.id()
                : material.id();
        List<StationSpec> consumers = line.stations().stream()
                .filter(s -> s.consumes().containsKey(material.id()))
                .toList();
        List<Integer> nodeStreams = new ArrayList<>();
        int start = add(new Stream(id + ".stock.start", id, NodeKind.MATERIAL, StreamRole.STOCK_START, "", ""));
        int received = add(new Stream(id + ".received", id, NodeKind.MATERIAL, StreamRole.RECEIVED, "", ""));
        int consumed = add(new Stream(id + ".consumed", id, NodeKind.MATERIAL, StreamRole.CONSUMED, "", ""));
        int end = add(new Stream(id + ".stock.end", id, NodeKind.MATERIAL, StreamRole.STOCK_END, "", ""));
        nodeStreams.addAll(List.of(start, received, consumed, end));
        List<Term> closure =
                List.of(new Term(start, 1), new Term(received, 1), new Term(consumed, -1), new Term(end, -1));
        constraints.add(new Constraint("balance:" + id, ConstraintKind.BALANCE, id, closure));
        Map<String, Integer> consumedAt = new HashMap<>();
        if (consumers.size() == 1) {
            consumedAt.put(consumers.get(0).id(), consumed);
        } else if (consumers.size() > 1) {
            List<Term> sum = new ArrayList<>();
            sum.add(new Term(consumed, 1));
            for (StationSpec consumer : consumers) {
                int share = add(new Stream(
                        id + ".consumed." + consumer.id(),
                        id,
                        NodeKind.MATERIAL,
                        StreamRole.CONSUMED,
                        "",
                        consumer.id()));
                nodeStreams.add(share);
                consumedAt.put(consumer.id(), share);
                sum.add(new Term(share, -1));
            }
            constraints.add(new Constraint("total:" + id + ".consumed", ConstraintKind.TOTAL, id, sum));
        }
        for (StationSpec consumer : consumers) {
            bom(material.id(), consumer, consumedAt.get(consumer.id()));
        }
        nodes.add(new Node(id, NodeKind.MATERIAL, nodeStreams, closure));
    }

    private void bom(String material, StationSpec station, int consumed) {
        double units = station.consumes().get(material);
        Map<StreamRole, int[]> roles = byNode.get(station.id());
        String id = "bom:" + station.id() + ":" + material;
        if (station.kind() == StationKind.MACHINE) {
            constraints.add(new Constraint(
                    id,
                    ConstraintKind.BOM,
                    station.id(),
                    List.of(new Term(consumed, 1), new Term(roles.get(StreamRole.IN)[0], -units))));
            return;
        }
        int kit = station.inputs().stream().mapToInt(AssemblyInput::count).sum();
        if (kit > 1) {
            // Every operation builds kit - 1 parts into the first one, so operations = assembled / (kit - 1).
            constraints.add(new Constraint(
                    id,
                    ConstraintKind.BOM,
                    station.id(),
                    List.of(new Term(consumed, kit - 1), new Term(roles.get(StreamRole.ASSEMBLED)[0], -units))));
        }
    }

    private Set<String> partNodeIds() {
        return new HashSet<>(byNode.keySet());
    }

    /** Released = what enters at sources and unfed machines; finished = what leaves at sinks and unfed outlets. */
    private void boundary() {
        Set<String> taken = partNodeIds();
        nodes.forEach(n -> taken.add(n.id()));
        String id = taken.contains(BOUNDARY) ? BOUNDARY + ":boundary" : BOUNDARY;
        List<String> entries = new ArrayList<>();
        List<String> exits = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            boolean unfed = line.inbound(station.id()).isEmpty();
            boolean open = line.outbound(station.id()).isEmpty();
            if (station.kind() == StationKind.SOURCE || station.kind() != StationKind.SINK && unfed) {
                entries.add(station.id());
            }
            if (station.kind() == StationKind.SINK || station.kind() != StationKind.SOURCE && open) {
                exits.add(station.id());
            }
        }
        int[] released = streamsOf(id, NodeKind.LINE, StreamRole.RELEASED, "");
        int[] finished = streamsOf(id, NodeKind.LINE, StreamRole.FINISHED, "");
        for (int p = 0; p < Math.max(1, products.size()); p++) {
            int slot = products.isEmpty() ? 0 : p + 1;
            constraints.add(definition("released:" + id + suffix(p), id, released[slot], entries, StreamRole.IN, slot));
            constraints.add(definition("finished:" + id + suffix(p), id, finished[slot], exits, StreamRole.OUT, slot));
        }
        List<Integer> nodeStreams = new ArrayList<>();
        for (int i : released) {
            nodeStreams.add(i);
        }
        for (int i : finished) {
            nodeStreams.add(i);
        }
        nodes.add(new Node(id, NodeKind.LINE, nodeStreams, boundaryClosure(released[0], finished[0])));
    }

    private Constraint definition(
            String constraintId, String node, int total, List<String> stations, StreamRole role, int slot) {
        List<Term> terms = new ArrayList<>();
        terms.add(new Term(total, 1));
        stations.forEach(s -> terms.add(new Term(byNode.get(s).get(role)[slot], -1)));
        return new Constraint(constraintId, ConstraintKind.BOUNDARY, node, terms);
    }

    /** released - finished - scrapped - assembled + stock at start - stock at end, summed over the part nodes. */
    private List<Term> boundaryClosure(int released, int finished) {
        List<Term> terms = new ArrayList<>(List.of(new Term(released, 1), new Term(finished, -1)));
        for (Map<StreamRole, int[]> roles : byNode.values()) {
            roles.forEach((role, indices) -> {
                if (role == StreamRole.SCRAPPED || role == StreamRole.ASSEMBLED || role == StreamRole.STOCK_END) {
                    terms.add(new Term(indices[0], -1));
                } else if (role == StreamRole.STOCK_START) {
                    terms.add(new Term(indices[0], 1));
                }
            });
        }
        terms.sort(java.util.Comparator.comparingInt(Term::stream));
        return terms;
    }
}
