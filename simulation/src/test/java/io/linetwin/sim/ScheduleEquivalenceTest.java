package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ec.util.MersenneTwisterFast;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import sim.engine.Schedule;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * {@link LineSchedule} runs events in exactly MASON's order. Both schedules get the same workload (events that
 * reschedule themselves and spawn others: at times drawn from a coarse grid so that many coincide, in a few
 * orderings, some at the current instant) and record what they step; the records, the final clocks and the
 * random streams after the run must be equal. Coinciding events are shuffled with the model's random stream, so
 * any difference in grouping or order shows in the record or in the stream.
 */
final class ScheduleEquivalenceTest {

    private record Stepped(double time, int id, int ordering) {}

    private static final class Workload extends SimState {

        private static final long serialVersionUID = 1L;

        final List<Stepped> record = new ArrayList<>();
        final MersenneTwisterFast draws;
        private int nextId;

        Workload(long seed, Schedule schedule) {
            super(seed, schedule);
            draws = new MersenneTwisterFast(seed + 1);
        }

        void seed(int events) {
            for (int i = 0; i < events; i++) {
                add(draws.nextInt(5), draws.nextInt(3));
            }
        }

        private void add(double time, int ordering) {
            int id = nextId++;
            schedule.scheduleOnce(time, ordering, new Steppable() {
                private static final long serialVersionUID = 1L;

                @Override
                public void step(SimState state) {
                    double now = state.schedule.getTime();
                    record.add(new Stepped(now, id, ordering));
                    if (record.size() > 20_000) {
                        return;
                    }
                    int kind = draws.nextInt(10);
                    if (kind < 6) {
                        add(now + draws.nextInt(3), draws.nextInt(3));
                    } else if (kind < 8) {
                        // At the current instant: MASON moves it one ulp later.
                        add(now, draws.nextInt(3));
                    } else if (kind < 9) {
                        add(now + draws.nextInt(4), draws.nextInt(3));
                        add(now + draws.nextInt(4), draws.nextInt(3));
                    }
                }
            });
        }
    }

    private static Workload run(long seed, Schedule schedule) {
        Workload workload = new Workload(seed, schedule);
        workload.seed(40);
        while (workload.schedule.step(workload)) {
            // until the queue runs dry
        }
        return workload;
    }

    @Test
    void stepsEveryEventInMasonsOrderOverManySeeds() {
        int coincident = 0;
        for (long seed = 1; seed <= 30; seed++) {
            Workload mason = run(seed, new Schedule());
            Workload line = run(seed, new LineSchedule());

            assertThat(line.record).as("seed %d", seed).hasSize(mason.record.size());
            assertThat(line.record).as("seed %d", seed).isEqualTo(mason.record);
            assertThat(line.schedule.getSteps()).isEqualTo(mason.schedule.getSteps());
            assertThat(line.schedule.getTime()).isEqualTo(mason.schedule.getTime());
            assertThat(line.random.nextLong())
                    .as("the shuffles drew the same numbers")
                    .isEqualTo(mason.random.nextLong());
            for (int i = 1; i < mason.record.size(); i++) {
                if (mason.record.get(i).time() == mason.record.get(i - 1).time()) {
                    coincident++;
                }
            }
        }
        // The workload must exercise ties (several events at one instant, within and across orderings).
        assertThat(coincident).isGreaterThan(10_000);
    }

    @Test
    void refusesWhatMasonRefuses() {
        SimState state = new SimState(1, new LineSchedule()) {
            private static final long serialVersionUID = 1L;
        };
        Steppable nothing = s -> {};
        state.schedule.scheduleOnce(5, 0, nothing);
        state.schedule.step(state);

        assertThatThrownBy(() -> state.schedule.scheduleOnce(4, 0, nothing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("less than the current time");
        assertThatThrownBy(() -> state.schedule.scheduleOnce(Double.NaN, 0, nothing))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NaN");
        assertThatThrownBy(() -> state.schedule.scheduleOnce(6, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(state.schedule.scheduleOnce(Double.POSITIVE_INFINITY, 0, nothing))
                .isFalse();
        assertThat(state.schedule.step(state)).as("nothing left").isFalse();
        assertThat(state.schedule.getTime()).isEqualTo(Schedule.AFTER_SIMULATION);
    }
}
