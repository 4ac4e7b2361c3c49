package io.linetwin.sim;

import io.linetwin.model.AssemblyInput;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.ConveyorSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.EventEstimate;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.Makers;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.RouteSpec;
import io.linetwin.model.StationSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the blocks of one replication from the line, runs the schedule to the window's end, and reports. */
final class Replication {

    private static final double SECONDS_PER_HOUR = 3600.0;
    /** Steps between progress reports: rare enough to cost nothing, often enough for a line a second. */
    private static final long EVENTS_PER_REPORT = 1 << 14;

    private final LineSpec line;
    private final double warmupSeconds;
    private final double horizonSeconds;
    private final long seed;
    private final int replication;
    private final Model model;
    private final RandomStreams streams;
    private final LineState initial;
    private final double startSecondsOfWeek;
    /** Every station, those that process parts first, then sources, then sinks: the order they start in. */
    private final List<StationBlock> blocks = new ArrayList<>();

    private final Map<String, StationBlock> blockById = new HashMap<>();
    /** Stations that process parts so far: each one's place in the bottleneck detector. */
    private int processing;

    private final Map<String, Buffer> bufferById = new LinkedHashMap<>();
    private final Map<String, MaterialStore> storeById = new LinkedHashMap<>();
    private final Map<String, Kitting> kittingById = new LinkedHashMap<>();
    private final List<Conveyor> conveyors = new ArrayList<>();
    private Fleet fleet;
    private final BottleneckDetector bottleneck;
    private final PartBalances balances;
    private boolean stopped;
    private final EventEstimate estimate;
    private long eventBudget;

    /** Events between looks at the interrupt and the budget: a few microseconds of work. */
    private static final long CHECK_EVERY = 1 << 12;
    /** Events between looks at whether simulated time still passes. */
    private static final long STILL_EVERY = 1 << 20;
    /** Simulated seconds (relative to the clock past 1 s) those events must at least advance. */
    private static final double STILL_SECONDS = 1e-6;

    /** {@code initial}: the state to start from, or null for an empty line at t = 0. */
    Replication(
            LineSpec line,
            LineState initial,
            double warmupSeconds,
            double horizonSeconds,
            long seed,
            int replication,
            boolean checkingInvariants,
            TraceListener trace,
            double startSecondsOfWeek) {
        this.line = line;
        this.startSecondsOfWeek = startSecondsOfWeek;
        this.initial = initial;
        this.warmupSeconds = warmupSeconds;
        this.horizonSeconds = horizonSeconds;
        this.seed = seed;
        this.replication = replication;
        String[] productNames = line.products().isEmpty()
                ? new String[] {""}
                : line.products().stream().map(ProductSpec::id).toArray(String[]::new);
        this.model = new Model(
                seed, checkingInvariants, trace, productNames, initial == null ? 0.0 : initial.clockSeconds());
        this.balances = new PartBalances(productNames);
        this.streams = new RandomStreams(seed, replication);
        int machineCount = (int)
                line.stations().stream().filter(s -> s.kind().processesParts()).count();
        this.bottleneck = new BottleneckDetector(machineCount);
        this.estimate = EventEstimate.of(line, warmupSeconds + horizonSeconds, 1);
        this.eventBudget = estimate.budgetPerReplication();
    }

    /** Replaces the budget from the estimate; for tests of the runaway guard. */
    Replication withEventBudget(long events) {
        if (events > 0) {
            eventBudget = events;
        }
        return this;
    }

    ReplicationResult run(RunProgress progress) {
        double clock = startSeconds();
        double end = clock + warmupSeconds + horizonSeconds;
        if (!(end - (clock + warmupSeconds) >= horizonSeconds / 2)) {
            throw new IllegalArgumentException("the statistics window of " + horizonSeconds + " s is too short to "
                    + "measure at t = " + (clock + warmupSeconds) + " s: the clock cannot tell its ends apart");
        }
        start(clock);
        model.schedule.scheduleOnce(clock + warmupSeconds, Ordering.WINDOW_OPENS, new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                model.lineStats().openWindow(now);
                balances.openWindow();
                conveyors.forEach(c -> c.openWindow(now));
                blocks.forEach(b -> b.openWindow(now));
                if (fleet != null) {
                    fleet.openWindow(now);
                }
                bottleneck.openWindow(now);
            }
        });
        model.schedule.scheduleOnce(end, Ordering.WINDOW_CLOSES, new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                model.lineStats().accumulate(now);
                blocks.forEach(b -> b.closeWindow(now));
                bottleneck.accumulate(now);
                stopped = true;
            }
        });
        runUntilStopped(progress, clock, end);
        return result();
    }

    /**
     * Builds the blocks and restores the initial state into them, running no event: what
     * {@code LineSimulation.requireFits} checks. The replication is not usable afterwards.
     */
    void build() {
        model.start();
        assemble();
        if (initial != null) {
            // No event runs here, yet restoring may act at once (parts waiting for an AGV call the fleet): at the
            // state's time, as the run's start event would.
            model.beginAt(startSeconds());
            new WarmStart(line, model, blockById, bufferById, storeById, stagings(), fleet)
                    .restore(initial, startSeconds());
        }
    }

    /** Runs to {@code atSeconds} (every event at that instant included) and describes the line then. */
    LineState snapshot(double atSeconds, Instant capturedAt) {
        double clock = startSeconds();
        if (!(atSeconds >= clock)) {
            throw new IllegalArgumentException("snapshot time must be >= the start " + clock + " s, got " + atSeconds);
        }
        start(clock);
        LineState[] taken = new LineState[1];
        model.schedule.scheduleOnce(atSeconds, Ordering.SNAPSHOT, new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                taken[0] = Snapshot.of(
                        now,
                        capturedAt,
                        line,
                        blocks,
                        bufferById.values(),
                        storeById.values(),
                        stagings(),
                        fleet,
                        model);
                stopped = true;
            }
        });
        runUntilStopped(RunProgress.NONE, 0, 1);
        return taken[0];
    }

    private Conveyor conveyor(ConveyorSpec spec, int capacity) {
        Conveyor conveyor = new Conveyor(model, spec, capacity, streams);
        conveyors.add(conveyor);
        return conveyor;
    }

    private Router router(StationSpec station) {
        List<RouteSpec> routes = station.routes();
        Downstream[] targets = new Downstream[routes.size()];
        String[] ids = new String[routes.size()];
        for (int i = 0; i < targets.length; i++) {
            ids[i] = routes.get(i).to();
            targets[i] = bufferById.get(ids[i]);
        }
        if (routes.get(0).byShare()) {
            return Router.byShare(
                    targets,
                    ids,
                    routes.stream().mapToDouble(r -> r.share().getAsDouble()).toArray(),
                    streams.stream(station.id(), RandomStreams.ROUTE));
        }
        int[] targetOfProduct = new int[line.products().size()];
        for (int p = 0; p < targetOfProduct.length; p++) {
            String product = line.products().get(p).id();
            for (int i = 0; i < routes.size(); i++) {
                if (routes.get(i).products().contains(product)) {
                    targetOfProduct[p] = i;
                }
            }
        }
        return Router.byProduct(targets, ids, targetOfProduct);
    }

    /** Input buffer id → the assembly staging area it feeds and the input's index there. */
    private Map<String, Staging> stagings() {
        Map<String, Staging> stagings = new HashMap<>();
        kittingById.forEach((id, kitting) -> {
            StationSpec station = line.station(id).orElseThrow();
            for (int i = 0; i < station.inputs().size(); i++) {
                stagings.put(line.inputBuffer(station, station.inputs().get(i)).id(), new Staging(kitting, i));
            }
        });
        return stagings;
    }

    /** Where an assembly input's buffer delivers. */
    record Staging(Kitting kitting, int input) {}

    private double startSeconds() {
        return initial == null ? 0.0 : initial.clockSeconds();
    }

    private void start(double clock) {
        model.start();
        assemble();
        model.schedule.scheduleOnce(clock, Ordering.START, new Event(model) {
            private static final long serialVersionUID = 1L;

            @Override
            void fire(double now) {
                if (initial != null) {
                    new WarmStart(line, model, blockById, bufferById, storeById, stagings(), fleet)
                            .restore(initial, now);
                    if (warmupSeconds == 0) {
                        balances.countStartStock();
                    }
                }
                storeById.values().forEach(MaterialStore::start);
                conveyors.forEach(c -> c.start(now));
                new ShiftClock(model, line.calendar(), startSecondsOfWeek, blocks).start(now);
                blocks.forEach(b -> b.start(now));
            }
        });
    }

    /** Every block's parts are counted in the unit of one maker: the first of those that feed it. */
    private void makers(LineSpec spec) {
        Makers makers = Makers.of(spec);
        List<String> ids = makers.makers();
        Map<String, Integer> byBlock = new HashMap<>();
        for (StationSpec station : spec.stations()) {
            makers.heldAt(spec, station.id()).stream()
                    .map(ids::indexOf)
                    .min(Integer::compare)
                    .ifPresent(i -> byBlock.put(station.id(), i));
        }
        for (BufferSpec link : spec.buffers()) {
            makers.heldAt(spec, link.id()).stream()
                    .map(ids::indexOf)
                    .min(Integer::compare)
                    .ifPresent(i -> byBlock.put(link.id(), i));
        }
        model.makers(byBlock, ids.size());
    }

    /**
     * Runs the schedule until the window closes (or the snapshot is taken). Every {@link #CHECK_EVERY} events it
     * looks at the thread's interrupt (so Ctrl-C stops any run at once) and at the event budget; every
     * {@link #STILL_EVERY} events, at whether simulated time still passes.
     */
    private void runUntilStopped(RunProgress progress, double from, double to) {
        boolean reporting = progress != RunProgress.NONE;
        long nextReport = EVENTS_PER_REPORT;
        long nextCheck = CHECK_EVERY;
        long nextStillCheck = STILL_EVERY;
        double timeAtStillCheck = Double.NEGATIVE_INFINITY;
        while (!stopped && model.schedule.step(model)) {
            long events = model.events();
            if (events < nextCheck) {
                continue;
            }
            nextCheck = events + CHECK_EVERY;
            if (reporting && events >= nextReport) {
                nextReport = events + EVENTS_PER_REPORT;
                progress.reached(replication, Math.min(1, (model.now() - from) / (to - from)));
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new RunCancelledException(
                        "replication " + replication + " cancelled at t = " + model.now() + " s");
            }
            if (events > eventBudget) {
                throw new RunStoppedException("replication " + replication + " stopped at t = " + model.now()
                        + " s after " + events + " events, its budget (" + eventBudget + ", far above the about "
                        + String.format(java.util.Locale.ROOT, "%.1e", estimate.perReplication())
                        + " the line should need): something repeats without end");
            }
            if (events >= nextStillCheck) {
                double now = model.now();
                // A million events in under a microsecond (a millionth of the clock, late in a long run) is
                // beyond any line the estimate lets through, and a double clock past the point of moving.
                if (now - timeAtStillCheck < STILL_SECONDS * Math.max(1, Math.abs(now))) {
                    throw new RunStoppedException("simulated time stands still at t = " + now + " s: "
                            + STILL_EVERY + " events took less than " + STILL_SECONDS * Math.max(1, Math.abs(now))
                            + " s of it (a loop of zero-time stations, or times far below a microsecond); give the "
                            + "stations on the way processing times");
                }
                timeAtStillCheck = now;
                nextStillCheck = events + STILL_EVERY;
            }
        }
        if (reporting) {
            progress.reached(replication, 1);
        }
    }

    private void assemble() {
        makers(line);
        fleet = line.transport()
                .map(t -> new Fleet(model, t, line.layout(), t.moves().get(0).from()))
                .orElse(null);
        line.materials().forEach(m -> storeById.put(m.id(), new MaterialStore(model, m)));
        List<String> productIds = new ArrayList<>();
        double[] shares;
        if (line.products().isEmpty()) {
            productIds.add(null);
            shares = new double[] {1.0};
        } else {
            shares = new double[line.products().size()];
            int i = 0;
            for (ProductSpec product : line.products()) {
                productIds.add(product.id());
                shares[i++] = product.mix();
            }
        }
        Map<String, Downstream> portOf = new HashMap<>();
        List<StationBlock> declared = new ArrayList<>();
        for (StationSpec station : line.stations()) {
            StationBlock block = switch (station.kind()) {
                case MACHINE -> machineBlock(station, productIds, shares, null);
                case ASSEMBLY -> machineBlock(station, productIds, shares, kitting(station, portOf));
                case BATCH -> batch(station, productIds);
                case SOURCE -> source(station, shares);
                case SINK -> new SinkBlock(new Sink(model, station.id()), station.id());
            };
            declared.add(block);
            blockById.put(station.id(), block);
        }
        declared.stream()
                .sorted(java.util.Comparator.comparingInt(b -> StationBlock.startRank(b.kind())))
                .forEach(blocks::add);
        List<Buffer> buffers = new ArrayList<>();
        Map<String, List<Buffer>> inboundOf = new HashMap<>();
        Map<String, Buffer> outboundOf = new HashMap<>();
        for (BufferSpec spec : line.buffers()) {
            Buffer buffer = line.conveyor(spec.id())
                    .<Buffer>map(c -> conveyor(c, spec.capacity()))
                    .or(() -> line.move(spec.id())
                            .map(m -> new AgvLink(model, m.id(), m.from(), m.to(), spec.capacity(), fleet)))
                    .orElseGet(() -> new FifoBuffer(model, spec.id(), spec.capacity()));
            StationBlock from = blockById.get(spec.from());
            StationBlock to = blockById.get(spec.to());
            buffer.connect(
                    from == null ? null : from.feeder(),
                    portOf.getOrDefault(spec.id(), to == null ? null : to.taker()));
            buffers.add(buffer);
            bufferById.put(spec.id(), buffer);
            outboundOf.put(spec.from(), buffer);
            inboundOf.computeIfAbsent(spec.to(), t -> new ArrayList<>()).add(buffer);
        }
        for (StationBlock block : declared) {
            String id = block.id();
            List<Buffer> in = inboundOf.getOrDefault(id, List.of());
            Upstream inbound =
                    in.isEmpty() ? null : in.size() == 1 ? in.get(0) : new Merge(in.toArray(new Upstream[0]));
            StationSpec station = line.station(id).orElseThrow();
            block.connect(inbound, outboundOf.get(id), station.routes().isEmpty() ? null : router(station));
        }
        model.hasLoops(Topology.hasLoops(line));
        kittingById.forEach((id, kitting) -> {
            StationSpec station = line.station(id).orElseThrow();
            Upstream[] inputs = station.inputs().stream()
                    .map(input ->
                            bufferById.get(line.inputBuffer(station, input).id()))
                    .toArray(Upstream[]::new);
            kitting.connect(inputs, ((MachineBlock) blockById.get(id)).machine());
        });
        balanceNodes();
        model.blocks(blocks.toArray(new StationBlock[0]), buffers.toArray(new Buffer[0]), bottleneck);
    }

    /** Every station, then every link, in declaration order, under its scenario id. */
    private void balanceNodes() {
        for (StationSpec station : line.stations()) {
            blockById.get(station.id()).balance(balances);
        }
        bufferById.forEach((id, buffer) -> balances.add(
                id,
                line.conveyor(id).isPresent() ? "conveyor" : line.move(id).isPresent() ? "agv" : "buffer",
                buffer.flows(),
                PartBalances.of(buffer)));
    }

    /** An assembly's staging area, with the port each input's buffer delivers to. */
    private Kitting kitting(StationSpec station, Map<String, Downstream> portOf) {
        Kitting kitting = new Kitting(
                model,
                station.id(),
                station.inputs().stream().mapToInt(AssemblyInput::count).toArray());
        for (int i = 0; i < station.inputs().size(); i++) {
            portOf.put(line.inputBuffer(station, station.inputs().get(i)).id(), kitting.port(i));
        }
        kittingById.put(station.id(), kitting);
        return kitting;
    }

    private SourceBlock source(StationSpec station, double[] shares) {
        return new SourceBlock(new Source(
                model,
                station.id(),
                station.interarrival().orElse(null),
                station.speed(),
                station.onFull(),
                streams.stream(station.id(), RandomStreams.ARRIVALS),
                new ProductMix(shares, shares.length > 1 ? streams.stream(station.id(), RandomStreams.MIX) : null)));
    }

    private BatchStation batch(StationSpec station, List<String> productIds) {
        String id = station.id();
        return new BatchStation(
                model,
                id,
                station.batch().orElseThrow(),
                processTimes(station, productIds),
                station.speed(),
                station.ratedSpeed(),
                streams.stream(id, RandomStreams.PROCESS),
                new StationStats(processing++, 1, bottleneck));
    }

    /** Processing time at speed 1 per product index. */
    private static Distribution[] processTimes(StationSpec station, List<String> productIds) {
        Distribution[] process = new Distribution[productIds.size()];
        for (int i = 0; i < process.length; i++) {
            process[i] = station.processFor(productIds.get(i)).orElseThrow();
        }
        return process;
    }

    private MachineBlock machineBlock(StationSpec station, List<String> productIds, double[] shares, Kitting kitting) {
        Distribution[] process = processTimes(station, productIds);
        String id = station.id();
        // Generators that a machine never draws from are not built: each holds 2.5 kB of state, and the hot
        // path stays in cache better without them. Results do not change, as unused streams draw nothing.
        boolean mixes = shares.length > 1;
        boolean setups = station.setup().isPresent() || !station.setupMatrix().isEmpty();
        Distribution[][] setupByPair = null;
        if (!station.setupMatrix().isEmpty()) {
            setupByPair = new Distribution[productIds.size()][productIds.size()];
            for (int from = 0; from < productIds.size(); from++) {
                for (int to = 0; to < productIds.size(); to++) {
                    setupByPair[from][to] = from == to
                            ? null
                            : station.setupFor(productIds.get(from), productIds.get(to))
                                    .orElse(null);
                }
            }
        }
        MachineParameters parameters = new MachineParameters(
                process,
                station.speed(),
                station.ratedSpeed(),
                station.setup().orElse(null),
                setupByPair,
                station.scrap(),
                streams.stream(id, RandomStreams.PROCESS),
                setups && mixes ? streams.stream(id, RandomStreams.SETUP) : null,
                station.scrap() > 0 ? streams.stream(id, RandomStreams.SCRAP) : null,
                new ProductMix(
                        shares, mixes && line.inbound(id).isEmpty() ? streams.stream(id, RandomStreams.MIX) : null));
        StationStats stats = new StationStats(processing++, station.servers(), bottleneck);
        Machine machine = new Machine(model, id, station.servers(), parameters, stats);
        machine.failureModes().build(model, streams, id, station.failures(), machine::clockFor);
        machine.plannedStops().build(model, machine, station.plannedStops());
        if (!station.consumes().isEmpty()) {
            MaterialStore[] stores = new MaterialStore[station.consumes().size()];
            double[] units = new double[stores.length];
            int i = 0;
            for (Map.Entry<String, Double> need : station.consumes().entrySet()) {
                stores[i] = storeById.get(need.getKey());
                units[i++] = need.getValue();
            }
            machine.consumes(new MaterialNeeds(model, id, stores, units));
        }
        return new MachineBlock(machine, station.kind(), kitting);
    }

    private ReplicationResult result() {
        LineStats flow = model.lineStats();
        double hours = horizonSeconds / SECONDS_PER_HOUR;
        long goodInWindow = flow.goodInWindow();
        List<StationResult> stations = new ArrayList<>();
        int place = -1;
        double longest = 0;
        Optional<String> bottleneckId = Optional.empty();
        // Processing blocks come first, in the order of their places in the bottleneck detector.
        for (StationBlock block : blocks) {
            Optional<StationResult> result = block.result(horizonSeconds, bottleneck);
            if (result.isEmpty()) {
                continue;
            }
            stations.add(result.get());
            int i = ++place;
            if (bottleneck.seconds(i) > longest) {
                longest = bottleneck.seconds(i);
                bottleneckId = Optional.of(block.id());
            }
        }
        LineTotals totals = new LineTotals(
                flow.released(),
                flow.goodOut(),
                flow.scrapped(),
                flow.lostArrivals(),
                model.partsInLine(),
                flow.wipAtStart(),
                flow.assembled());
        return new ReplicationResult(
                seed,
                replication,
                warmupSeconds,
                horizonSeconds,
                goodInWindow / hours,
                flow.wipSeconds() / horizonSeconds,
                goodInWindow == 0 ? Double.NaN : flow.leadSecondsInWindow() / goodInWindow,
                stations,
                bottleneckId,
                totals,
                model.events(),
                materialResults(),
                fleet == null ? Optional.empty() : Optional.of(fleet.result(model.now(), horizonSeconds)),
                balances.result(),
                conveyors.stream()
                        .map(c -> c.result(model.now(), horizonSeconds))
                        .toList(),
                wipByMaker(flow),
                goodByProduct(flow));
    }

    private Map<String, Double> wipByMaker(LineStats flow) {
        Map<String, Double> wip = new LinkedHashMap<>();
        List<String> makers = Makers.of(line).makers();
        for (int i = 0; i < makers.size(); i++) {
            wip.put(makers.get(i), flow.wipSeconds(i) / horizonSeconds);
        }
        return wip;
    }

    private Map<String, Long> goodByProduct(LineStats flow) {
        Map<String, Long> good = new LinkedHashMap<>();
        for (int i = 0; i < line.products().size(); i++) {
            good.put(line.products().get(i).id(), flow.goodInWindow(i));
        }
        return good;
    }

    private List<MaterialResult> materialResults() {
        List<MaterialResult> results = new ArrayList<>();
        double now = model.now();
        for (MaterialStore store : storeById.values()) {
            Map<String, Double> consumed = new LinkedHashMap<>();
            Map<String, Double> starved = new LinkedHashMap<>();
            for (StationBlock block : blocks) {
                MaterialNeeds needs = block.materials();
                for (int i = 0; i < needs.count(); i++) {
                    if (needs.store(i) == store) {
                        consumed.put(block.id(), needs.consumed(i));
                        starved.put(block.id(), needs.starvedSeconds(i, now));
                    }
                }
            }
            results.add(new MaterialResult(
                    store.id(),
                    store.initial(),
                    store.receipts(),
                    store.consumed(),
                    store.stock(),
                    store.orders(),
                    store.stockOuts(),
                    consumed,
                    starved));
        }
        return results;
    }
}
