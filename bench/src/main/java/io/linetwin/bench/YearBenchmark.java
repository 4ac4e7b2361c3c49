package io.linetwin.bench;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Not a test: one simulated year (365 days, no warm-up) of a scenario's baseline, replication 0, on one thread.
 * After a 30-day JIT warm-up run, each round runs the year without a trace and then with a listener that only
 * counts the trace events (the engine's cost of tracing, no I/O). Reports wall and thread CPU time, events,
 * events/s and good units, and the medians.
 *
 * <p>Usage: {@code YearBenchmark SCENARIO [rounds]}
 */
public final class YearBenchmark {

    private static final double YEAR_SECONDS = 365 * 86_400.0;

    private YearBenchmark() {}

    public static void main(String[] args) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        ExperimentSpec experiment = scenario.experiment();
        LineSimulation simulation = new LineSimulation(scenario.line()).startingAt(experiment.startSecondsOfWeek());
        simulation.run(0, 30 * 86_400.0, experiment.seed(), 0);
        double[] wall = new double[rounds];
        double[] cpu = new double[rounds];
        double[] tracedCpu = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            double[] plain = year(simulation, experiment.seed(), false);
            double[] traced = year(simulation, experiment.seed(), true);
            wall[round] = plain[0];
            cpu[round] = plain[1];
            tracedCpu[round] = traced[1];
        }
        System.out.printf(
                Locale.ROOT,
                "median of %d: %.3f s wall, %.3f s CPU untraced; %.3f s CPU traced" + " (x%.2f)%n",
                rounds,
                median(wall),
                median(cpu),
                median(tracedCpu),
                median(tracedCpu) / median(cpu));
    }

    private static double[] year(LineSimulation simulation, long seed, boolean traced) {
        long[] traceEvents = new long[1];
        long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        long start = System.nanoTime();
        ReplicationResult result = traced
                ? simulation.run(0, YEAR_SECONDS, seed, 0, e -> traceEvents[0]++)
                : simulation.run(0, YEAR_SECONDS, seed, 0);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%s: %,d good units, %,d events, %.3f s wall, %.3f s CPU, %,.0f events/s" + " (CPU)%s%n",
                traced ? "traced  " : "untraced",
                result.totals().goodOut(),
                result.events(),
                wall,
                cpu,
                result.events() / cpu,
                traced ? ", " + String.format(Locale.ROOT, "%,d", traceEvents[0]) + " trace events" : "");
        return new double[] {wall, cpu};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
