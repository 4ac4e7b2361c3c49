package io.linetwin.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The trace tells the whole story of a run: replaying it gives the run's own tallies and state shares, parts
 * move along a consistent path, and listening changes nothing.
 */
final class TraceTest {

    private static final double WARMUP = 100;
    private static final double HORIZON = 1_500;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 25);
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void replayingTheTraceGivesTheRunsTalliesAndStateShares(long seed) {
        LineSpec line = RandomLines.line(seed);
        Replay replay = new Replay(WARMUP, WARMUP + HORIZON);

        ReplicationResult result =
                new LineSimulation(line).checkingInvariants().run(WARMUP, HORIZON, seed * 31, 0, replay);
        replay.close();

        LineTotals totals = result.totals();
        assertThat(replay.released).isEqualTo(totals.released());
        assertThat(replay.finished).isEqualTo(totals.goodOut());
        assertThat(replay.scrapped).isEqualTo(totals.scrapped());
        assertThat(replay.assembled).isEqualTo(totals.assembled());
        assertThat(replay.location.size()).as("parts still in the line").isEqualTo(totals.wipAtEnd());
        for (StationResult station : result.stations()) {
            int servers = line.station(station.id()).orElseThrow().servers();
            double planned = servers * HORIZON;
            StateShares s = station.states();
            assertThat(replay.seconds(station.id(), "working") / planned)
                    .as(station.id())
                    .isCloseTo(s.working(), within(1e-9));
            assertThat(replay.seconds(station.id(), "blocked") / planned)
                    .as(station.id())
                    .isCloseTo(s.blocked(), within(1e-9));
            assertThat(replay.seconds(station.id(), "starved") / planned)
                    .as(station.id())
                    .isCloseTo(s.starved(), within(1e-9));
            assertThat(replay.seconds(station.id(), "down") / planned)
                    .as(station.id())
                    .isCloseTo(s.down(), within(1e-9));
            assertThat(replay.seconds(station.id(), "setup") / planned)
                    .as(station.id())
                    .isCloseTo(s.setup(), within(1e-9));
            assertThat(replay.seconds(station.id(), "offShift") / planned)
                    .as(station.id())
                    .isCloseTo(s.offShift(), within(1e-9));
        }
    }

    @ParameterizedTest(name = "line seed {0}")
    @MethodSource("seeds")
    void listeningChangesNothing(long seed) {
        LineSpec line = RandomLines.line(seed);
        LineSimulation simulation = new LineSimulation(line);

        ReplicationResult silent = simulation.run(WARMUP, HORIZON, seed, 2);
        ReplicationResult traced = simulation.run(WARMUP, HORIZON, seed, 2, event -> {});

        assertThat(traced).isEqualTo(silent);
    }

    @Test
    void aSerialLineTracesEachPartThroughEveryBlockInOrder() {
        List<TraceEvent> events = new ArrayList<>();
        new LineSimulation(Lines.benchmark()).run(0, 200, 3, 0, events::add);

        Map<Long, List<String>> paths = new HashMap<>();
        for (TraceEvent event : events) {
            if (event instanceof TraceEvent.PartReleased released) {
                paths.computeIfAbsent(released.part(), p -> new ArrayList<>()).add(released.station());
            } else if (event instanceof TraceEvent.PartMoved moved) {
                paths.get(moved.part()).add(moved.to());
            } else if (event instanceof TraceEvent.PartFinished finished) {
                paths.get(finished.part()).add("out");
            }
        }
        List<List<String>> finishedPaths = paths.values().stream()
                .filter(p -> p.get(p.size() - 1).equals("out"))
                .toList();
        assertThat(finishedPaths).isNotEmpty();
        // A part skips a buffer when it passes straight through to an idle machine.
        List<String> order = List.of("m1", "b-m1-m2", "m2", "b-m2-m3", "m3", "b-m3-m4", "m4", "b-m4-m5", "m5", "out");
        for (List<String> path : finishedPaths) {
            assertThat(order).containsSubsequence(path);
            assertThat(path).contains("m1", "m2", "m3", "m4", "m5");
        }
    }

    /** Rebuilds the run from its trace alone. */
    private static final class Replay implements TraceListener {
        private final double windowStart;
        private final double windowEnd;
        private final Map<Long, String> location = new HashMap<>();
        private final Set<Long> seen = new HashSet<>();
        private final Map<String, String> stateOf = new HashMap<>();
        private final Map<String, Double> sinceOf = new HashMap<>();
        private final Map<String, Double> seconds = new HashMap<>();
        private double last = Double.NEGATIVE_INFINITY;
        private long released;
        private long finished;
        private long scrapped;
        private long assembled;

        Replay(double windowStart, double windowEnd) {
            this.windowStart = windowStart;
            this.windowEnd = windowEnd;
        }

        @Override
        public void on(TraceEvent event) {
            assertThat(event.timeSeconds()).isGreaterThanOrEqualTo(last);
            last = event.timeSeconds();
            if (event instanceof TraceEvent.PartReleased e) {
                assertThat(seen.add(e.part()))
                        .as("part %d released once", e.part())
                        .isTrue();
                location.put(e.part(), e.station());
                released++;
            } else if (event instanceof TraceEvent.PartMoved e) {
                assertThat(location.get(e.part()))
                        .as("part %d moves from where it is", e.part())
                        .isEqualTo(e.from());
                location.put(e.part(), e.to());
            } else if (event instanceof TraceEvent.PartFinished e) {
                assertThat(location.remove(e.part())).isNotNull();
                finished++;
            } else if (event instanceof TraceEvent.PartAssembled e) {
                assertThat(location.remove(e.part())).isNotNull();
                assertThat(location).containsKey(e.into());
                assembled++;
            } else if (event instanceof TraceEvent.PartScrapped e) {
                assertThat(location.remove(e.part())).isEqualTo(e.station());
                scrapped++;
            } else if (event instanceof TraceEvent.StateChanged e) {
                String key = e.station() + "#" + e.server();
                close(key, e.station(), e.timeSeconds());
                stateOf.put(key, e.state());
                sinceOf.put(key, e.timeSeconds());
            }
        }

        private void close(String key, String station, double now) {
            String state = stateOf.get(key);
            if (state == null) {
                return;
            }
            double from = Math.max(sinceOf.get(key), windowStart);
            double to = Math.min(now, windowEnd);
            if (to > from) {
                seconds.merge(station + "/" + state, to - from, Double::sum);
            }
        }

        void close() {
            for (String key : List.copyOf(stateOf.keySet())) {
                close(key, key.substring(0, key.indexOf('#')), windowEnd);
            }
        }

        double seconds(String station, String state) {
            return seconds.getOrDefault(station + "/" + state, 0.0);
        }
    }
}
