package io.linetwin.bench;

import ec.util.MersenneTwisterFast;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Not a test: the LineTwin side of the SimPy comparison. Runs the benchmark scenario (one replication, about
 * 1,000,000 parts) and MASON's bare {@code Schedule} with a similar number of pending self-rescheduling
 * events, alternating the two so that load from elsewhere hits both alike. Reports parts/s, events/s and the
 * line/raw ratio by wall time and by thread CPU time (which does not count time the OS gave to others).
 *
 * <p>With {@code trace} as third argument each round also runs the line with a listener that only counts the
 * trace events (the engine's cost of tracing, without any I/O) and reports the traced/untraced CPU time ratio.
 *
 * <p>Usage: {@code SerialLineBenchmark SCENARIO [rounds] [trace]}
 */
public final class SerialLineBenchmark {

    /** Five server events and five failure clocks are pending most of the time, a repair now and then. */
    private static final int RAW_PENDING = 11;

    private static final long RAW_EVENTS = 5_000_000L;

    private SerialLineBenchmark() {}

    public static void main(String[] args) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(args[0]));
        ExperimentSpec experiment = scenario.experiment();
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        boolean traceCost = args.length > 2 && args[2].equals("trace");
        LineSimulation simulation = new LineSimulation(scenario.line()).startingAt(experiment.startSecondsOfWeek());

        line(simulation, experiment.warmupSeconds(), experiment.horizonSeconds() / 5, experiment.seed());
        raw(RAW_EVENTS / 5);
        double[] wallRatios = new double[rounds];
        double[] cpuRatios = new double[rounds];
        double[] partsPerSecond = new double[rounds];
        double[] tracedCpuRatios = new double[rounds];
        for (int round = 0; round < rounds; round++) {
            Rate line = line(simulation, experiment.warmupSeconds(), experiment.horizonSeconds(), experiment.seed());
            Rate raw = raw(RAW_EVENTS);
            wallRatios[round] = line.eventsPerWallSecond() / raw.eventsPerWallSecond();
            cpuRatios[round] = line.eventsPerCpuSecond() / raw.eventsPerCpuSecond();
            partsPerSecond[round] = line.partsPerWallSecond();
            if (traceCost) {
                Rate traced =
                        traced(simulation, experiment.warmupSeconds(), experiment.horizonSeconds(), experiment.seed());
                tracedCpuRatios[round] = line.eventsPerCpuSecond() / traced.eventsPerCpuSecond();
            }
        }
        if (traceCost) {
            System.out.printf(
                    Locale.ROOT,
                    "trace on (counting listener) / trace off, median CPU time ratio: %.2f%n",
                    median(tracedCpuRatios));
        }
        System.out.printf(
                Locale.ROOT,
                "LineTwin median: parts/s=%,.0f line/raw events/s ratio: %.2f by wall time,"
                        + " %.2f by thread CPU time%n",
                median(partsPerSecond),
                median(wallRatios),
                median(cpuRatios));
    }

    private record Rate(double partsPerWallSecond, double eventsPerWallSecond, double eventsPerCpuSecond) {}

    private static Rate line(LineSimulation simulation, double warmupSeconds, double horizonSeconds, long seed) {
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        ReplicationResult result = simulation.run(warmupSeconds, horizonSeconds, seed, 0);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        long parts = result.totals().goodOut();
        System.out.printf(
                Locale.ROOT,
                "line: %d parts (warm-up included), throughput %.6f parts/s, %d events,"
                        + " %.3f s wall, %.3f s CPU, %,.0f parts/s, %,.0f events/s wall, %,.0f events/s CPU%n",
                parts,
                result.throughputPerHour() / 3600,
                result.events(),
                wall,
                cpu,
                parts / wall,
                result.events() / wall,
                result.events() / cpu);
        return new Rate(parts / wall, result.events() / wall, result.events() / cpu);
    }

    private static Rate traced(LineSimulation simulation, double warmupSeconds, double horizonSeconds, long seed) {
        long[] traceEvents = new long[1];
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        ReplicationResult result = simulation.run(warmupSeconds, horizonSeconds, seed, 0, e -> traceEvents[0]++);
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "line traced: %d trace events, %d events, %.3f s wall, %.3f s CPU%n",
                traceEvents[0],
                result.events(),
                wall,
                cpu);
        return new Rate(0, result.events() / wall, result.events() / cpu);
    }

    /** MASON alone: steppables that reschedule themselves after an exponential delay. */
    private static Rate raw(long events) {
        SimState state = new SimState(1);
        state.start();
        MersenneTwisterFast random = new MersenneTwisterFast(7);
        long[] count = new long[1];
        for (int i = 0; i < RAW_PENDING; i++) {
            state.schedule.scheduleOnce(Schedule.EPOCH + random.nextDouble(), 0, new Steppable() {
                private static final long serialVersionUID = 1L;

                @Override
                public void step(SimState s) {
                    count[0]++;
                    s.schedule.scheduleOnce(s.schedule.getTime() - Math.log(1 - random.nextDouble()), 0, this);
                }
            });
        }
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        while (count[0] < events && state.schedule.step(state)) {
            // runs the heap down
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "raw Schedule: %d pending, %d events, %.3f s wall, %.3f s CPU,"
                        + " %,.0f events/s wall, %,.0f events/s CPU%n",
                RAW_PENDING,
                count[0],
                wall,
                cpu,
                count[0] / wall,
                count[0] / cpu);
        return new Rate(0, count[0] / wall, count[0] / cpu);
    }

    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
