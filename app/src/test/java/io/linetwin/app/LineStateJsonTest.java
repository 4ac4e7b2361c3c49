package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.LineState;
import io.linetwin.model.PlannedStop;
import io.linetwin.model.Scenario;
import io.linetwin.model.StationSpec;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.sim.LineSimulation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class LineStateJsonTest {

    @TempDir
    Path dir;

    @Test
    void aSnapshotSurvivesTheRoundTripAndStartsTheSameRun() throws Exception {
        Scenario scenario = ScenarioLoader.load(Scenarios.library().resolve("bottling-line.yaml"));
        LineSimulation simulation = new LineSimulation(scenario.line());
        // The state file holds what equipment reports; the engine's in-flight detail (LineState.inFlight) is not
        // part of the format yet.
        LineState state = simulation
                .snapshot(5_000, 7, 0, Instant.parse("2025-01-06T06:00:00Z"))
                .withoutInFlight();
        Path file = dir.resolve("state.json");

        LineStateJson.write(state, file);
        LineState read = LineStateJson.read(file);

        assertThat(read).isEqualTo(state);
        assertThat(simulation.run(read, 0, 3_600, 9, 0)).isEqualTo(simulation.run(state, 0, 3_600, 9, 0));
    }

    @Test
    void plannedStopsSurviveTheRoundTrip() throws Exception {
        Scenario scenario = ScenarioLoader.load(Scenarios.library().resolve("bottling-line.yaml"));
        StationSpec filler = scenario.line()
                .station("filler")
                .orElseThrow()
                .withPlannedStops(List.of(
                        new PlannedStop("cip", new PlannedStop.At(4_000), 1_800, false),
                        new PlannedStop("lube", new PlannedStop.Every(7_200), 600, true)));
        LineSimulation simulation = new LineSimulation(scenario.line().withStation(filler));
        LineState state = simulation
                .snapshot(5_000, 7, 0, Instant.parse("2025-01-06T06:00:00Z"))
                .withoutInFlight();
        Path file = dir.resolve("state.json");

        LineStateJson.write(state, file);
        LineState read = LineStateReader.read(file, simulation.line());

        assertThat(read.stations().get("filler").plannedStops()).containsOnlyKeys("cip", "lube");
        assertThat(read.stations().get("filler").plannedStops().get("cip").underWay())
                .isTrue();
        assertThat(read).isEqualTo(state);
    }

    @Test
    void aPlannedStopTheStationDoesNotHaveIsNamedWhereItIsWritten() throws Exception {
        Scenario scenario = ScenarioLoader.load(Scenarios.library().resolve("bottling-line.yaml"));
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file,
                "{\"capturedAt\":\"2025-01-06T06:00:00Z\",\"clockSeconds\":0,"
                        + "\"stations\":{\"filler\":{\"condition\":{\"state\":\"starved\"},"
                        + "\"plannedStops\":{\"pm\":{\"waitingForPart\":\"yes\"}}}}}");

        assertThatThrownBy(() -> LineStateReader.read(file, scenario.line()))
                .isInstanceOfSatisfying(
                        BadInputException.class,
                        e -> assertThat(e.lines())
                                .containsExactly(
                                        file
                                                + ":1:130 stations.filler.plannedStops.pm: no planned stop 'pm' at station 'filler'",
                                        file
                                                + ":1:148 stations.filler.plannedStops.pm.waitingForPart: expected true or false, got "
                                                + "\"yes\""));
    }

    @Test
    void aBadDocumentNamesThePath() throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(
                file,
                "{\"capturedAt\":\"2025-01-06T06:00:00Z\",\"clockSeconds\":0,"
                        + "\"stations\":{\"m1\":{\"condition\":{\"state\":\"dozing\"}}}}");

        assertThatThrownBy(() -> LineStateJson.read(file))
                .isInstanceOf(BadInputException.class)
                .hasMessage(file + ":1:94 stations.m1.condition.state: expected one of working, blocked, starved, "
                        + "down, setup, offShift, got \"dozing\"");
    }
}
