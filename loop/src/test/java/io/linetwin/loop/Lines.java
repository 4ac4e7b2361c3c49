package io.linetwin.loop;

import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/** Test fixtures: the library's press line (a press run below its rated speed) and states of it. */
public final class Lines {

    /** Monday 06:00 UTC, the press line's experiment start. */
    public static final Instant MONDAY_6 = Instant.parse("2026-11-30T06:00:00Z");

    private Lines() {}

    public static Path library(String name) {
        Path fromModule = Path.of("..", "scenarios", name);
        return Files.exists(fromModule) ? fromModule : Path.of("scenarios", name);
    }

    public static Scenario pressLine() throws Exception {
        return ScenarioLoader.load(library("press-line.yaml"));
    }

    /** The press line after {@code seconds} of running from empty, as a twin would report it (nothing in flight). */
    public static LineState pressLineAfter(Scenario scenario, double seconds) {
        return new LineSimulation(scenario.line())
                .startingAt(scenario.experiment().startSecondsOfWeek())
                .snapshot(seconds, 99, 0, MONDAY_6.plusMillis((long) (seconds * 1000)))
                .withoutInFlight();
    }
}
