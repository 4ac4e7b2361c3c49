package io.linetwin.bench;

import ec.util.MersenneTwisterFast;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * The ceiling a line model on MASON can approach: {@code pending} self-rescheduling events with exponential
 * delays on a bare {@link Schedule}, no model work. Prints events/s per heap size.
 *
 * <p>Usage: {@code RawScheduleBenchmark [events] [pending...]}
 */
public final class RawScheduleBenchmark {

    private RawScheduleBenchmark() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0]) : 20_000_000L;
        int[] heapSizes = args.length > 1
                ? java.util.Arrays.stream(args, 1, args.length).mapToInt(Integer::parseInt).toArray()
                : new int[] {10, 1000};
        for (int pending : heapSizes) {
            run(events / 4, pending);
            double best = 0;
            for (int round = 0; round < 3; round++) {
                best = Math.max(best, run(events, pending));
            }
            System.out.printf("raw Schedule: pending=%d events=%d best events/s=%,.0f%n", pending, events, best);
        }
    }

    private static double run(long events, int pending) {
        SimState state = new SimState(1);
        state.start();
        MersenneTwisterFast random = state.random;
        long[] count = new long[1];
        Schedule schedule = state.schedule;
        for (int i = 0; i < pending; i++) {
            schedule.scheduleOnce(random.nextDouble(), new Steppable() {
                @Override
                public void step(SimState simState) {
                    count[0]++;
                    simState.schedule.scheduleOnce(
                            simState.schedule.getTime() - Math.log(1.0 - random.nextDouble()), this);
                }
            });
        }
        long started = System.nanoTime();
        while (count[0] < events && schedule.step(state)) {
            // each step runs the events at the next time
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return count[0] / seconds;
    }
}
