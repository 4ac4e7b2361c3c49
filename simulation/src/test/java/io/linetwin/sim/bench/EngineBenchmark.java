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
import java.util.ArrayList;
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

    private static final int ROUNDS = 5;

    private EngineBenchmark() {
    }

    public static void main(String[] args) {
        long parts = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000L;
        LineSpec line = benchmarkLine();
        LineSimulation simulation = new LineSimulation(line);
        // About 0.69 parts per second leave this line.
        double horizonSeconds = parts / 0.69;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            ReplicationResult result = simulation.run(0, horizonSeconds, 42, round);
            double wall = (System.nanoTime() - start) / 1e9;
            long out = result.totals().goodOut();
            System.out.printf("line: %d parts, %d events, %.3f s, %.0f parts/s, %.0f events/s%n", out,
                    result.events(), wall, out / wall, result.events() / wall);
        }
        for (int round = 0; round < ROUNDS; round++) {
            rawSchedule(15, 5_000_000L);
        }
    }

    /** MASON alone: {@code pending} steppables, each rescheduling itself after an exponential delay. */
    static void rawSchedule(int pending, long events) {
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
        long start = System.nanoTime();
        while (count[0] < events && state.schedule.step(state)) {
            // runs the heap down
        }
        double wall = (System.nanoTime() - start) / 1e9;
        System.out.printf("raw Schedule: %d pending, %d events, %.3f s, %.0f events/s%n", pending, count[0], wall,
                count[0] / wall);
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
