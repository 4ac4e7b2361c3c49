package io.linetwin.bench;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The LineTwin side of the SimPy comparison: one replication of {@code bench/serial-line/serial-line.yaml}
 * (about 1,000,000 parts), repeated in one JVM so the JIT has settled; prints each round and the best.
 *
 * <p>Usage: {@code SerialLineBenchmark SCENARIO [rounds]}
 */
public final class SerialLineBenchmark {

    private SerialLineBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ExperimentSpec experiment = scenario.experiment();
        LineSimulation simulation = new LineSimulation(scenario.line());
        double bestPartsPerSecond = 0;
        double bestEventsPerSecond = 0;
        for (int round = 1; round <= rounds; round++) {
            long started = System.nanoTime();
            ReplicationResult result = simulation.run(experiment.warmupSeconds(), experiment.horizonSeconds(),
                    experiment.seed(), 0);
            double wall = (System.nanoTime() - started) / 1e9;
            long parts = result.totals().goodOut();
            double partsPerSecond = parts / wall;
            double eventsPerSecond = result.events() / wall;
            bestPartsPerSecond = Math.max(bestPartsPerSecond, partsPerSecond);
            bestEventsPerSecond = Math.max(bestEventsPerSecond, eventsPerSecond);
            System.out.printf(Locale.ROOT,
                    "round %d: wall=%.3fs parts(all, incl. warm-up)=%d throughput=%.6f parts/s events=%d "
                            + "parts/s=%,.0f events/s=%,.0f%n",
                    round, wall, parts, result.throughputPerHour() / 3600, result.events(), partsPerSecond,
                    eventsPerSecond);
        }
        System.out.printf(Locale.ROOT, "LineTwin best: parts/s=%,.0f events/s=%,.0f%n", bestPartsPerSecond,
                bestEventsPerSecond);
    }
}
