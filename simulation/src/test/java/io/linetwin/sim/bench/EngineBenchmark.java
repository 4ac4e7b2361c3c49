package io.linetwin.sim.bench;

import ec.util.MersenneTwisterFast;
import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.FailureBasis;
import io.linetwin.model.FailureSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationSpec;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Not a test: events per second of the benchmark line (five exponential machines, mean 1 s, buffers of 10,
 * operating failures MTBF 100 s / MTTR 10 s, about 1M parts) against MASON's bare {@code Schedule} with a
 * similar number of pending self-rescheduling events. Run with {@code java -cp ... EngineBenchmark [parts]}.
 * Wall-clock time is read here, in the harness, never inside the model.
 */
public final class EngineBenchmark {

    private static final int ROUNDS = 7;
    /** Five server events and five failure clocks are pending most of the time, a repair now and then. */
    private static final int RAW_PENDING = 11;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        long parts = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        LineSpec line = benchmarkLine();
        LineSimulation simulation = new LineSimulation(line);
        // About 0.69 parts per second leave this line.
        double horizonSeconds = parts / 0.69;
        // Warm both up first, then alternate them so that load from elsewhere hits both alike.
        line(simulation, horizonSeconds / 5, -1);
        rawSchedule(RAW_PENDING, 1_000_000L);
        double[] wallRatios = new double[ROUNDS];
        double[] cpuRatios = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            double[] lineRates = line(simulation, horizonSeconds, round);
            double[] rawRates = rawSchedule(RAW_PENDING, 5_000_000L);
            wallRatios[round] = lineRates[0] / rawRates[0];
            cpuRatios[round] = lineRates[1] / rawRates[1];
        }
        Arrays.sort(wallRatios);
        Arrays.sort(cpuRatios);
        System.out.printf("median line/raw events/s ratio: %.2f by wall time, %.2f by thread CPU time%n",
                wallRatios[ROUNDS / 2], cpuRatios[ROUNDS / 2]);
    }

    /** Thread CPU time in nanoseconds: unlike wall time it does not count time the OS gave to others. */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** Events per second of the line: by wall time, then by thread CPU time. */
    private static double[] line(LineSimulation simulation, double horizonSeconds, int replication) {
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        ReplicationResult result = simulation.run(0, horizonSeconds, 42, Math.max(0, replication));
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        long out = result.totals().goodOut();
        System.out.printf("line: %d parts, %d events, %.3f s wall, %.3f s CPU, %.0f parts/s, %.0f events/s wall,"
                + " %.0f events/s CPU%n", out, result.events(), wall, cpu, out / wall, result.events() / wall,
                result.events() / cpu);
        return new double[] {result.events() / wall, result.events() / cpu};
    }

    /** MASON alone: {@code pending} steppables, each rescheduling itself after an exponential delay. */
    static double[] rawSchedule(int pending, long events) {
        SimState state = new SimState(1);
        state.start();
        MersenneTwisterFast random = new MersenneTwisterFast(7);
        long[] count = new long[1];
        Steppable[] steps = new Steppable[pending];
        for (int i = 0; i < pending; i++) {
            steps[i] = new Steppable() {
                private static final long serialVersionUID = 1L;

                @Override
                public void step(SimState s) {
                    count[0]++;
                    s.schedule.scheduleOnce(s.schedule.getTime() - Math.log(1 - random.nextDouble()), 0, this);
                }
            };
            state.schedule.scheduleOnce(Schedule.EPOCH + random.nextDouble(), 0, steps[i]);
        }
        long cpuStart = cpuNanos();
        long start = System.nanoTime();
        while (count[0] < events && state.schedule.step(state)) {
            // runs the heap down
        }
        double wall = (System.nanoTime() - start) / 1e9;
        double cpu = (cpuNanos() - cpuStart) / 1e9;
        System.out.printf("raw Schedule: %d pending, %d events, %.3f s wall, %.3f s CPU, %.0f events/s wall,"
                + " %.0f events/s CPU%n", pending, count[0], wall, cpu, count[0] / wall, count[0] / cpu);
        return new double[] {count[0] / wall, count[0] / cpu};
    }

    static LineSpec benchmarkLine() {
        List<StationSpec> stations = new ArrayList<>();
        List<BufferSpec> buffers = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            stations.add(StationSpec.machine("m" + i, new Distribution.Exponential(1.0)).withFailures(List.of(
                    new FailureSpec("jam", new Distribution.Exponential(100), new Distribution.Exponential(10),
                            FailureBasis.OPERATING))));
            if (i > 1) {
                buffers.add(new BufferSpec("b" + (i - 1), "m" + (i - 1), "m" + i, 10));
            }
        }
        return new LineSpec("bench:serial", List.of(), stations, buffers, Map.of());
    }
}
