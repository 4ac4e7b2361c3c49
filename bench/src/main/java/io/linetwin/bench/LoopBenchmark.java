package io.linetwin.bench;

import io.linetwin.app.emulate.LineEmulator;
import io.linetwin.app.emulate.Pacer;
import io.linetwin.loop.Change;
import io.linetwin.loop.LoopKpi;
import io.linetwin.loop.TwinView;
import io.linetwin.loop.live.EngineClock;
import io.linetwin.loop.whatif.Candidate;
import io.linetwin.loop.whatif.CandidateOutcome;
import io.linetwin.loop.whatif.CandidatePlanner;
import io.linetwin.loop.whatif.WhatIf;
import io.linetwin.loop.whatif.WhatIfResult;
import io.linetwin.loop.whatif.WhatIfSettings;
import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.experiment.Estimate;
import io.linetwin.twin.DittoMessages;
import io.linetwin.twin.LineClock;
import io.linetwin.twin.LineDescriptor;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.LineStateMapper;
import io.linetwin.twin.Snapshot;
import io.linetwin.twin.TwinStore;
import io.linetwin.twin.sync.SignalSink;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

/**
 * Not a test: the live loop's decision time, snapshot → verdict. {@code generate} runs the scenario's line in the
 * emulator into a twin store (no broker) and writes the twin's snapshot; {@code verdict} reads that snapshot, maps it
 * to a warm-start state and runs the what-if (baseline and two candidate changes of the framing station's speed,
 * 20 paired replications of 24 h, on all cores), printing the verdicts and the time taken. With {@code rounds} = 1 it
 * is the cold figure (also the JVM's age at the verdict); more rounds give warm in-JVM figures after two warm-ups.
 *
 * <p>Usage: {@code LoopBenchmark generate SCENARIO SNAPSHOT.json HOURS} | {@code LoopBenchmark verdict SCENARIO
 * SNAPSHOT.json [rounds]}
 */
public final class LoopBenchmark {

    private static final Instant MONDAY = Instant.parse("2026-11-30T00:00:00Z");

    private LoopBenchmark() {}

    public static void main(String[] args) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(args[1]));
        Path snapshot = Path.of(args[2]);
        if (args[0].equals("generate")) {
            generate(scenario, snapshot, Double.parseDouble(args[3]));
            return;
        }
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        if (rounds <= 1) {
            long started = System.nanoTime();
            WhatIfResult result = verdict(scenario, snapshot);
            double seconds = (System.nanoTime() - started) / 1e9;
            double jvmAge = (System.currentTimeMillis()
                            - ManagementFactory.getRuntimeMXBean().getStartTime())
                    / 1e3;
            print(result);
            System.out.printf(
                    Locale.ROOT, "cold: snapshot → verdict %.3f s; JVM start → verdict %.3f s%n", seconds, jvmAge);
            return;
        }
        for (int i = 0; i < 2; i++) {
            verdict(scenario, snapshot);
        }
        double[] times = new double[rounds];
        WhatIfResult last = null;
        for (int i = 0; i < rounds; i++) {
            long started = System.nanoTime();
            last = verdict(scenario, snapshot);
            times[i] = (System.nanoTime() - started) / 1e9;
        }
        print(last);
        Arrays.sort(times);
        System.out.printf(
                Locale.ROOT,
                "warm: snapshot → verdict median %.3f s, min %.3f s, max %.3f s over %d rounds;"
                        + " %d events per verdict, %d cores%n",
                times[rounds / 2],
                times[0],
                times[rounds - 1],
                rounds,
                last.events(),
                Runtime.getRuntime().availableProcessors());
    }

    /** The scenario's line emulated for {@code hours} from its experiment start; the twin's snapshot then. */
    static void generate(Scenario scenario, Path file, double hours) throws Exception {
        LineDescriptor things = LineDescriptors.of(scenario.line());
        LineClock clock = new LineClock(Clock.systemUTC());
        TwinStore store = TwinStore.of(things, clock);
        SignalSink sink = new SignalSink() {
            @Override
            public CompletableFuture<Void> send(org.eclipse.ditto.base.model.signals.Signal<?> signal) {
                store.apply(DittoMessages.toJson(signal));
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void close() {}
        };
        Instant start = MONDAY.plusMillis(Math.round(scenario.experiment().startSecondsOfWeek() * 1000));
        LineEmulator emulator = new LineEmulator(
                new LineSimulation(scenario.line())
                        .startingAt(scenario.experiment().startSecondsOfWeek()),
                sink,
                start,
                scenario.experiment().seed(),
                10,
                60,
                Pacer.NO_WAIT,
                List::of);
        emulator.run(hours * 3600);
        store.snapshot().write(file);
        System.out.printf(
                Locale.ROOT,
                "twin snapshot of %s after %.1f h at %s: %d things, revision sum %d -> %s%n",
                scenario.name(),
                hours,
                store.snapshot().takenAt(),
                store.snapshot().things().size(),
                store.snapshot().revisionSum(),
                file);
    }

    /** Snapshot file → warm-start state → baseline and two candidates → verdicts. */
    static WhatIfResult verdict(Scenario scenario, Path file) throws Exception {
        Snapshot snapshot = Snapshot.read(file);
        LineDescriptor things = LineDescriptors.of(scenario.line());
        LineState start = new LineStateMapper(things.lineId())
                .map(snapshot, EngineClock.secondsOf(snapshot.takenAt(), scenario.experiment()));
        TwinView twin = new TwinView(snapshot, things);
        double speed = twin.parameter("framing", "speed").orElseThrow();
        List<Candidate> candidates = List.of(
                new Candidate("faster-framing", "variant", List.of(new Change("framing", "speed", speed, 1.05))),
                new Candidate(
                        "slower-framing", "rule:long-failure", List.of(new Change("framing", "speed", speed, 0.95))));
        WhatIf whatIf = new WhatIf(
                scenario.line(),
                scenario.experiment().startSecondsOfWeek(),
                WhatIfSettings.defaults(24 * 3600, 20, Runtime.getRuntime().availableProcessors()));
        whatIf.requireFits(start);
        return whatIf.run(
                start, scenario.experiment().seed(), new CandidatePlanner(List.of(c -> candidates), twin.limits()));
    }

    private static void print(WhatIfResult result) {
        Estimate base = result.baseline().get(LoopKpi.THROUGHPUT);
        System.out.printf(
                Locale.ROOT,
                "baseline throughput %.2f/h ± %.2f, bottleneck %s%n",
                base.mean(),
                base.halfWidth(),
                result.bottleneck().orElse("-"));
        for (CandidateOutcome o : result.outcomes()) {
            Estimate d = o.difference(LoopKpi.THROUGHPUT);
            System.out.printf(
                    Locale.ROOT,
                    "  %-16s %-22s Δ %+.2f/h [%+.2f, %+.2f] %+.1f %% -> %s%n",
                    o.candidate().name(),
                    o.candidate().describe(),
                    d.mean(),
                    d.ciLow().orElse(Double.NaN),
                    d.ciHigh().orElse(Double.NaN),
                    o.relativeEffect() * 100,
                    o.verdict());
        }
    }
}
