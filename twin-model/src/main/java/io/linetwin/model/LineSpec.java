package io.linetwin.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The line: its products, stations in declaration order, the buffers that join them, optional floor layout,
 * and the weekly shift calendar its machines work to (no shifts: always working). The constructor checks that
 * references resolve; the scenario loader reports the same problems with file positions before it gets here.
 * Build one with {@link #builder(String)} and change a copy with {@link #toBuilder()} or a {@code with} method,
 * so that a new component touches the builder, not every caller.
 */
public record LineSpec(
        String id,
        List<ProductSpec> products,
        List<StationSpec> stations,
        List<BufferSpec> buffers,
        Map<String, LayoutSpec> layout,
        List<ShiftSpec> shifts,
        List<MaterialSpec> materials,
        List<ConveyorSpec> conveyors,
        Optional<TransportSpec> transport) {

    public LineSpec {
        shifts = List.copyOf(shifts);
        materials = List.copyOf(materials);
        conveyors = List.copyOf(conveyors);
        Objects.requireNonNull(transport, "transport");
        Set<String> linkIds = new HashSet<>();
        buffers.forEach(b -> linkIds.add(b.id()));
        for (ConveyorSpec conveyor : conveyors) {
            if (!linkIds.contains(conveyor.id())) {
                throw new IllegalArgumentException("conveyor " + conveyor.id() + " must be one of the line's links "
                        + "(a buffer of that id), got none");
            }
        }
        Set<String> materialIds = new HashSet<>();
        for (MaterialSpec material : materials) {
            if (!materialIds.add(material.id())) {
                throw new IllegalArgumentException("material ids must be unique, got " + material.id() + " twice");
            }
        }
        Checks.id("line id", id);
        products = List.copyOf(products);
        stations = List.copyOf(stations);
        buffers = List.copyOf(buffers);
        layout = Checks.orderedCopy(layout);
        if (stations.isEmpty()) {
            throw new IllegalArgumentException("line " + id + " needs at least one station");
        }
        Checks.inRange("line " + id + " stations", 1, Limits.MAX_STATIONS, stations.size());
        Checks.inRange("line " + id + " buffers, conveyors and moves", 0, Limits.MAX_LINKS, buffers.size());
        Checks.inRange("line " + id + " products", 0, Limits.MAX_PRODUCTS, products.size());
        Checks.inRange("line " + id + " materials", 0, Limits.MAX_MATERIALS, materials.size());
        Set<String> ids = new HashSet<>();
        for (ProductSpec product : products) {
            if (!ids.add("product:" + product.id())) {
                throw new IllegalArgumentException("product ids must be unique, got " + product.id() + " twice");
            }
        }
        Set<String> stationIds = new HashSet<>();
        for (StationSpec station : stations) {
            if (!ids.add(station.id())) {
                throw new IllegalArgumentException(
                        "station and buffer ids must be unique, got " + station.id() + " twice");
            }
            stationIds.add(station.id());
        }
        Map<String, List<BufferSpec>> inboundOf = new HashMap<>();
        Map<String, List<BufferSpec>> outboundOf = new HashMap<>();
        for (BufferSpec buffer : buffers) {
            if (!ids.add(buffer.id())) {
                throw new IllegalArgumentException(
                        "station and buffer ids must be unique, got " + buffer.id() + " twice");
            }
            requireStation(stationIds, buffer.from(), "buffer " + buffer.id() + " from");
            requireStation(stationIds, buffer.to(), "buffer " + buffer.id() + " to");
            inboundOf.computeIfAbsent(buffer.to(), t -> new ArrayList<>()).add(buffer);
            outboundOf.computeIfAbsent(buffer.from(), f -> new ArrayList<>()).add(buffer);
        }
        for (String station : layout.keySet()) {
            requireStation(stationIds, station, "layout");
        }
        for (StationSpec station : stations) {
            if (station.kind() == StationKind.ASSEMBLY) {
                checkInputs(station, inboundOf.getOrDefault(station.id(), List.of()));
            }
            checkRoutes(station, outboundOf.getOrDefault(station.id(), List.of()), products);
            for (String material : station.consumes().keySet()) {
                if (!materialIds.contains(material)) {
                    throw new IllegalArgumentException(
                            "station " + station.id() + " consumes must name materials of the line, got " + material);
                }
            }
        }
        if (transport.isPresent()) {
            checkTransport(transport.get(), buffers, stationIds, layout);
        }
    }

    /** A line {@code id} with nothing set: no products, stations, links, layout, shifts, materials or AGVs. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this line's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Each move is one of the line's links, the park is a station, and every empty drive a vehicle may make (from
     * the park or any move's end to any move's start or the park) has a known distance.
     */
    private static void checkTransport(
            TransportSpec transport, List<BufferSpec> buffers, Set<String> stations, Map<String, LayoutSpec> layout) {
        Set<String> places = new HashSet<>();
        transport.park().ifPresent(p -> {
            requireStation(stations, p, "transport park");
            places.add(p);
        });
        Set<String> pickups = new HashSet<>();
        for (TransportSpec.Move move : transport.moves()) {
            BufferSpec link = buffers.stream()
                    .filter(b -> b.id().equals(move.id()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(
                            "move " + move.id() + " must be one of the line's links, got none"));
            if (!link.from().equals(move.from()) || !link.to().equals(move.to())) {
                throw new IllegalArgumentException("move " + move.id() + " must join " + link.from() + " and "
                        + link.to() + ", got " + move.from() + " and " + move.to());
            }
            places.add(move.from());
            places.add(move.to());
            pickups.add(move.from());
        }
        transport.park().ifPresent(pickups::add);
        for (String from : places) {
            for (String to : pickups) {
                if (transport.distance(from, to, layout).isEmpty()) {
                    throw new IllegalArgumentException("transport must know the distance from " + from + " to " + to
                            + " (a move joining them or layout places for both), got neither");
                }
            }
        }
    }

    /**
     * A station with several outbound buffers routes to each of them exactly once; by product, every product
     * of the line goes exactly one way.
     */
    private static void checkRoutes(StationSpec station, List<BufferSpec> outboundLinks, List<ProductSpec> products) {
        List<String> outbound = outboundLinks.stream().map(BufferSpec::id).toList();
        if (station.kind() == StationKind.BATCH && outbound.size() > 1) {
            throw new IllegalArgumentException("batch station " + station.id() + " unloads into one outbound buffer"
                    + " and takes no routes, got " + outbound);
        }
        if (outbound.size() <= 1 && station.routes().isEmpty()) {
            return;
        }
        Set<String> routed = new HashSet<>();
        station.routes().forEach(r -> routed.add(r.to()));
        if (outbound.size() < 2 || !routed.equals(Set.copyOf(outbound))) {
            throw new IllegalArgumentException("station " + station.id() + " routes must go to each of its outbound"
                    + " buffers " + outbound + " (at least two), got " + routed);
        }
        if (!station.routes().get(0).byShare()) {
            List<String> routedProducts = new ArrayList<>();
            station.routes().forEach(r -> routedProducts.addAll(r.products()));
            Set<String> declared = new HashSet<>();
            products.forEach(p -> declared.add(p.id()));
            if (routedProducts.size() != declared.size() || !declared.equals(Set.copyOf(routedProducts))) {
                throw new IllegalArgumentException("station " + station.id() + " routes by product must send each"
                        + " product " + declared + " exactly one way, got " + routedProducts);
            }
        }
    }

    /** Every input names exactly one inbound buffer of the assembly, and every inbound buffer is an input. */
    private static void checkInputs(StationSpec assembly, List<BufferSpec> inbound) {
        Set<String> fed = new HashSet<>();
        for (AssemblyInput input : assembly.inputs()) {
            fed.add(inputBuffer(assembly.id(), input, inbound).id());
        }
        for (BufferSpec buffer : inbound) {
            if (!fed.contains(buffer.id())) {
                throw new IllegalArgumentException("assembly " + assembly.id() + " inputs must cover inbound buffer "
                        + buffer.id() + ", got " + assembly.inputs());
            }
        }
    }

    private static BufferSpec inputBuffer(String assembly, AssemblyInput input, List<BufferSpec> inbound) {
        return inbound.stream()
                .filter(b -> b.id().equals(input.from()) || b.from().equals(input.from()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("assembly " + assembly + " input " + input.from()
                        + " must name an inbound buffer or the station feeding it, got none"));
    }

    /** The buffer that brings {@code input} to {@code assembly}. */
    public BufferSpec inputBuffer(StationSpec assembly, AssemblyInput input) {
        return inputBuffer(assembly.id(), input, inbound(assembly.id()));
    }

    private static void requireStation(Set<String> stations, String id, String what) {
        if (!stations.contains(id)) {
            throw new IllegalArgumentException(what + " must name a station, got " + id);
        }
    }

    public Optional<StationSpec> station(String stationId) {
        return stations.stream().filter(s -> s.id().equals(stationId)).findFirst();
    }

    /** The conveyor data of link {@code linkId}, when that link is a conveyor rather than a buffer. */
    public Optional<ConveyorSpec> conveyor(String linkId) {
        return conveyors.stream().filter(c -> c.id().equals(linkId)).findFirst();
    }

    /** The move of link {@code linkId}, when AGVs carry that link. */
    public Optional<TransportSpec.Move> move(String linkId) {
        return transport.flatMap(t -> t.move(linkId));
    }

    public Optional<BufferSpec> buffer(String bufferId) {
        return buffers.stream().filter(b -> b.id().equals(bufferId)).findFirst();
    }

    public List<BufferSpec> inbound(String stationId) {
        return buffers.stream().filter(b -> b.to().equals(stationId)).toList();
    }

    public List<BufferSpec> outbound(String stationId) {
        return buffers.stream().filter(b -> b.from().equals(stationId)).toList();
    }

    /** Product ids with their mix normalised to shares that sum to 1, in declaration order. */
    public Map<String, Double> productShares() {
        double total = products.stream().mapToDouble(ProductSpec::mix).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        products.forEach(p -> shares.put(p.id(), p.mix() / total));
        return shares;
    }

    public LineSpec withStation(StationSpec replacement) {
        List<StationSpec> copy = new ArrayList<>(stations);
        int index = indexOf(replacement.id());
        copy.set(index, replacement);
        return toBuilder().stations(copy).build();
    }

    public LineSpec withBuffer(BufferSpec replacement) {
        List<BufferSpec> copy = new ArrayList<>(buffers);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).id().equals(replacement.id())) {
                copy.set(i, replacement);
                return toBuilder().buffers(copy).build();
            }
        }
        throw new IllegalArgumentException("buffer id must name a buffer of line " + id + ", got " + replacement.id());
    }

    public LineSpec withShifts(List<ShiftSpec> newShifts) {
        return toBuilder().shifts(newShifts).build();
    }

    public LineSpec withMaterials(List<MaterialSpec> newMaterials) {
        return toBuilder().materials(newMaterials).build();
    }

    /** The weekly working time of the line's machines. */
    public ShiftCalendar calendar() {
        return ShiftCalendar.of(shifts);
    }

    private int indexOf(String stationId) {
        for (int i = 0; i < stations.size(); i++) {
            if (Objects.equals(stations.get(i).id(), stationId)) {
                return i;
            }
        }
        throw new IllegalArgumentException("station id must name a station of line " + id + ", got " + stationId);
    }

    /** Collects a line's values; {@link #build()} checks them all at once, as the record's constructor does. */
    public static final class Builder {

        private final String id;
        private List<ProductSpec> products = List.of();
        private List<StationSpec> stations = List.of();
        private List<BufferSpec> buffers = List.of();
        private Map<String, LayoutSpec> layout = Map.of();
        private List<ShiftSpec> shifts = List.of();
        private List<MaterialSpec> materials = List.of();
        private List<ConveyorSpec> conveyors = List.of();
        private Optional<TransportSpec> transport = Optional.empty();

        private Builder(String id) {
            this.id = id;
        }

        private Builder(LineSpec line) {
            this(line.id);
            products = line.products;
            stations = line.stations;
            buffers = line.buffers;
            layout = line.layout;
            shifts = line.shifts;
            materials = line.materials;
            conveyors = line.conveyors;
            transport = line.transport;
        }

        public Builder products(List<ProductSpec> value) {
            products = value;
            return this;
        }

        public Builder stations(List<StationSpec> value) {
            stations = value;
            return this;
        }

        public Builder stations(StationSpec... value) {
            return stations(List.of(value));
        }

        public Builder buffers(List<BufferSpec> value) {
            buffers = value;
            return this;
        }

        public Builder buffers(BufferSpec... value) {
            return buffers(List.of(value));
        }

        public Builder layout(Map<String, LayoutSpec> value) {
            layout = value;
            return this;
        }

        public Builder shifts(List<ShiftSpec> value) {
            shifts = value;
            return this;
        }

        public Builder materials(List<MaterialSpec> value) {
            materials = value;
            return this;
        }

        public Builder conveyors(List<ConveyorSpec> value) {
            conveyors = value;
            return this;
        }

        public Builder transport(Optional<TransportSpec> value) {
            transport = value;
            return this;
        }

        public Builder transport(TransportSpec value) {
            return transport(Optional.of(value));
        }

        public LineSpec build() {
            return new LineSpec(id, products, stations, buffers, layout, shifts, materials, conveyors, transport);
        }
    }
}
