package io.linetwin.sim;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.MaterialSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.ParameterSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.ShiftSpec;
import io.linetwin.model.StationSpec;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Small random serial lines for property tests: 2–5 machines (1–2 servers, random speed, scrap, setups,
 * failures of both bases), buffers of 0–5 or unlimited, 1–2 products, an optional source (unlimited, or
 * arrivals that block or drop), an optional sink, in half the lines a shift calendar with short Monday shifts
 * (and breaks) so that shift changes fall inside a short run, in half a consumed material, and in a third an
 * assembly with a feeder, in a quarter a rework loop, in a third a conveyor, in a fifth an AGV move.
 * {@link Random} is fine here: it only picks test inputs.
 */
final class RandomLines {

    private RandomLines() {}

    static LineSpec line(long seed) {
        Random random = new Random(seed);
        List<ProductSpec> products =
                random.nextBoolean() ? List.of() : List.of(new ProductSpec("a", 0.6), new ProductSpec("b", 0.4));
        List<StationSpec> stations = new ArrayList<>();
        boolean source = random.nextBoolean();
        boolean unlimitedSource = source && random.nextBoolean();
        if (source) {
            Optional<Distribution> interarrival = unlimitedSource
                    ? Optional.empty()
                    : Optional.of(new Distribution.Exponential(0.5 + random.nextDouble()));
            stations.add(StationSpec.source("src", interarrival, random.nextBoolean() ? OnFull.BLOCK : OnFull.DROP));
        }
        int machines = 2 + random.nextInt(4);
        for (int i = 0; i < machines; i++) {
            stations.add(machine("m" + i, random, !products.isEmpty()));
        }
        if (random.nextBoolean()) {
            stations.add(StationSpec.sink("out"));
        }
        List<BufferSpec> buffers = new ArrayList<>();
        for (int i = 0; i + 1 < stations.size(); i++) {
            int capacity = random.nextInt(7);
            boolean unlimitedAllowed = !(i == 0 && unlimitedSource);
            if (capacity == 6) {
                capacity = unlimitedAllowed ? BufferSpec.UNLIMITED : 5;
            }
            buffers.add(new BufferSpec(
                    "b" + i, stations.get(i).id(), stations.get(i + 1).id(), capacity));
        }
        return withTransport(
                withConveyor(
                        withRework(
                                withMaterials(
                                        withAssembly(
                                                LineSpec.builder("random:" + seed)
                                                        .products(products)
                                                        .stations(stations)
                                                        .buffers(buffers)
                                                        .shifts(shifts(seed))
                                                        .build(),
                                                seed),
                                        seed),
                                seed),
                        seed),
                seed);
    }

    /** In a fifth of the lines one finite buffer (not a conveyor) becomes an AGV move; own generator. */
    private static LineSpec withTransport(LineSpec line, long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0xA6FL));
        List<BufferSpec> finite = line.buffers().stream()
                .filter(b -> !b.unlimited()
                        && b.capacity() > 0
                        && line.conveyor(b.id()).isEmpty())
                .toList();
        if (random.nextInt(5) != 0 || finite.isEmpty()) {
            return line;
        }
        BufferSpec link = finite.get(random.nextInt(finite.size()));
        io.linetwin.model.TransportSpec transport = new io.linetwin.model.TransportSpec(
                1 + random.nextInt(2),
                0.5 + random.nextDouble(),
                random.nextDouble(),
                random.nextDouble(),
                Optional.empty(),
                List.of(new io.linetwin.model.TransportSpec.Move(
                        link.id(), link.from(), link.to(), 0.5 + 2 * random.nextDouble())));
        return line.toBuilder().transport(transport).build();
    }

    /** In a third of the lines one finite link becomes a conveyor, stopping now and then; own generator. */
    private static LineSpec withConveyor(LineSpec line, long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0xC0DEL));
        List<BufferSpec> finite = line.buffers().stream()
                .filter(b -> !b.unlimited() && b.capacity() > 0)
                .toList();
        if (random.nextInt(3) != 0 || finite.isEmpty()) {
            return line;
        }
        BufferSpec link = finite.get(random.nextInt(finite.size()));
        List<FailureSpec> failures = random.nextBoolean()
                ? List.of()
                : List.of(new FailureSpec(
                        "stop",
                        new Distribution.Exponential(100),
                        new Distribution.Exponential(10),
                        FailureBasis.WALL));
        io.linetwin.model.ConveyorSpec conveyor = new io.linetwin.model.ConveyorSpec(
                link.id(), 1 + 5 * random.nextDouble(), 0.5 + random.nextDouble(), random.nextDouble() * 0.5, failures);
        return line.toBuilder().conveyors(List.of(conveyor)).build();
    }

    /**
     * In a quarter of the lines a machine with an outbound buffer becomes a quality gate sending a share back
     * to an earlier machine that has an inbound buffer, through an unlimited rework buffer (so no deadlock);
     * own generator.
     */
    private static LineSpec withRework(LineSpec line, long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0x4E30L));
        if (random.nextInt(4) != 0) {
            return line;
        }
        List<StationSpec> stations = new ArrayList<>(line.stations());
        for (int gate = stations.size() - 1; gate > 0; gate--) {
            StationSpec candidate = stations.get(gate);
            boolean gateable = candidate.kind() == io.linetwin.model.StationKind.MACHINE
                    && line.outbound(candidate.id()).size() == 1;
            if (!gateable) {
                continue;
            }
            for (int back = 0; back < gate; back++) {
                StationSpec target = stations.get(back);
                if (target.kind() == io.linetwin.model.StationKind.MACHINE
                        && !line.inbound(target.id()).isEmpty()) {
                    double share = 0.05 + 0.3 * random.nextDouble();
                    stations.set(
                            gate,
                            candidate.withRoutes(List.of(
                                    io.linetwin.model.RouteSpec.share(
                                            line.outbound(candidate.id()).get(0).id(), 1 - share),
                                    io.linetwin.model.RouteSpec.share("b-rework", share))));
                    List<BufferSpec> buffers = new ArrayList<>();
                    // Written first: rework has priority at the merge.
                    buffers.add(new BufferSpec("b-rework", candidate.id(), target.id(), BufferSpec.UNLIMITED));
                    buffers.addAll(line.buffers());
                    return line.toBuilder().stations(stations).buffers(buffers).build();
                }
            }
        }
        return line;
    }

    /**
     * In a third of the lines a machine after the first station becomes an assembly of 1–2 parts from the line
     * and 1–3 parts from a feeder machine of its own; own generator.
     */
    private static LineSpec withAssembly(LineSpec line, long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0xA55EL));
        if (random.nextInt(3) != 0) {
            return line;
        }
        List<StationSpec> stations = new ArrayList<>(line.stations());
        int at = -1;
        for (int i = 1; i < stations.size(); i++) {
            if (stations.get(i).kind() == io.linetwin.model.StationKind.MACHINE && (at < 0 || random.nextBoolean())) {
                at = i;
            }
        }
        if (at < 0) {
            return line;
        }
        StationSpec assembly = stations.get(at);
        String previous = stations.get(at - 1).id();
        stations.set(
                at,
                assembly.asAssembly(List.of(
                        new io.linetwin.model.AssemblyInput(previous, 1 + random.nextInt(2)),
                        new io.linetwin.model.AssemblyInput("feeder", 1 + random.nextInt(3)))));
        stations.add(StationSpec.machine("feeder", new Distribution.Exponential(0.2 + random.nextDouble()))
                .withFailures(List.of(new FailureSpec(
                        "f",
                        new Distribution.Exponential(50),
                        new Distribution.Exponential(5),
                        FailureBasis.OPERATING))));
        List<BufferSpec> buffers = new ArrayList<>(line.buffers());
        buffers.add(new BufferSpec("b-feeder", "feeder", assembly.id(), random.nextInt(4)));
        return line.toBuilder().stations(stations).buffers(buffers).build();
    }

    /** In half the lines one or two machines consume a material with (or without) reorders; own generator. */
    private static LineSpec withMaterials(LineSpec line, long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0x3A7E41L));
        if (random.nextBoolean()) {
            return line;
        }
        Optional<MaterialSpec.Reorder> reorder = random.nextInt(4) == 0
                ? Optional.empty()
                : Optional.of(new MaterialSpec.Reorder(
                        random.nextInt(20), 5 + random.nextInt(60), 5 + 100 * random.nextDouble()));
        MaterialSpec material = new MaterialSpec("mat", random.nextInt(200), reorder);
        List<StationSpec> stations = new ArrayList<>(line.stations());
        for (int i = 0; i < stations.size(); i++) {
            StationSpec station = stations.get(i);
            if (station.kind() == io.linetwin.model.StationKind.MACHINE && random.nextInt(3) == 0) {
                stations.set(i, station.withConsumes(Map.of("mat", 0.5 + random.nextInt(3))));
            }
        }
        return line.toBuilder().stations(stations).materials(List.of(material)).build();
    }

    /** Drawn from a generator of its own, so the lines' other draws are the same with or without shifts. */
    private static List<ShiftSpec> shifts(long seed) {
        Random random = new Random(RandomStreams.mix(seed ^ 0x5A1F7L));
        if (random.nextBoolean()) {
            return List.of();
        }
        List<ShiftSpec> shifts = new ArrayList<>();
        double start = random.nextDouble() * 100;
        for (int i = 0; i < 6; i++) {
            double length = 100 + 300 * random.nextDouble();
            List<ShiftSpec.Break> breaks = random.nextBoolean()
                    ? List.of(new ShiftSpec.Break(length * random.nextDouble() * 0.5, 10 + 30 * random.nextDouble()))
                    : List.of();
            shifts.add(new ShiftSpec(EnumSet.of(DayOfWeek.MONDAY), start, length, breaks));
            start += length + 20 + 200 * random.nextDouble();
        }
        return shifts;
    }

    private static StationSpec machine(String id, Random random, boolean twoProducts) {
        Distribution process = switch (random.nextInt(3)) {
            case 0 -> new Distribution.Exponential(0.5 + random.nextDouble());
            case 1 -> new Distribution.Constant(0.5 + random.nextDouble());
            default -> new Distribution.Uniform(0.2, 1.5);
        };
        StationSpec station = StationSpec.machine(id, process).withServers(1 + random.nextInt(2));
        if (twoProducts && random.nextBoolean()) {
            station = station.withProcess(process, Map.of("b", new Distribution.Exponential(1.2)));
        }
        if (random.nextBoolean()) {
            station = station.withScrap(random.nextDouble() * 0.2);
        }
        if (twoProducts && random.nextBoolean()) {
            station = station.withSetup(Optional.of(new Distribution.Constant(2 * random.nextDouble())));
        }
        List<FailureSpec> failures = new ArrayList<>();
        int modes = random.nextInt(3);
        for (int f = 0; f < modes; f++) {
            failures.add(new FailureSpec(
                    "f" + f,
                    new Distribution.Exponential(20 + 80 * random.nextDouble()),
                    new Distribution.Exponential(1 + 10 * random.nextDouble()),
                    random.nextBoolean() ? FailureBasis.OPERATING : FailureBasis.UP_TIME));
        }
        station = station.withFailures(failures);
        if (random.nextBoolean()) {
            double speed = 0.8 + 0.4 * random.nextDouble();
            station = station.withParameters(Map.of(StationSpec.SPEED, ParameterSpec.of(speed)));
        }
        return station;
    }
}
