package io.linetwin.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.PlannedStopState;
import io.linetwin.model.StationState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The warm-start state file byte for byte: every condition kind with and without its optional fields, planned
 * stops, buffers, parameters and stocks, against a golden file written by the hand-built mapper it replaced.
 */
final class LineStateJsonGoldenTest {

    private static final Path GOLDEN = Path.of("src", "test", "resources", "golden", "line-state.json");

    @TempDir
    Path dir;

    @Test
    void everyConditionKindIsWrittenAsBefore() throws Exception {
        Map<String, StationState> stations = new LinkedHashMap<>();
        stations.put(
                "filler",
                new StationState(
                        new MachineCondition.Down(20, OptionalDouble.of(50.5), Optional.of("jam")),
                        Optional.of("litre"),
                        100,
                        1,
                        List.of(
                                new MachineCondition.Working(Optional.of("litre"), OptionalDouble.of(0.4)),
                                new MachineCondition.Working(Optional.empty(), OptionalDouble.empty()),
                                new MachineCondition.Setup(Optional.of("half"), OptionalDouble.of(12)),
                                new MachineCondition.Setup(Optional.empty(), OptionalDouble.empty()),
                                new MachineCondition.Blocked(Optional.of("litre")),
                                new MachineCondition.Blocked(Optional.empty()),
                                new MachineCondition.Starved()),
                        new TreeMap<>(Map.of(
                                "cip", PlannedStopState.underWay(600),
                                "lube", PlannedStopState.dueIn(3_600.25)))));
        stations.put(
                "capper",
                new StationState(new MachineCondition.Starved(), Optional.empty(), 0, 0, List.of(), Map.of()));
        stations.put(
                "packer",
                new StationState(
                        new MachineCondition.Down(3, OptionalDouble.empty(), Optional.empty()),
                        Optional.empty(),
                        5,
                        2));
        stations.put("labeller", new StationState(new MachineCondition.OffShift(), Optional.of("half"), 7, 0));
        Map<String, BufferContents> buffers = new LinkedHashMap<>();
        buffers.put("b1", new BufferContents(Map.of("litre", 2), List.of("litre", "litre")));
        buffers.put("b2", new BufferContents(Map.of(), List.of()));
        LineState state = new LineState(
                Instant.parse("2025-01-06T06:00:00Z"),
                3_600,
                stations,
                buffers,
                Map.of("filler", Map.of("speed", 1.0)),
                Map.of("preform", 5_000.0));
        Path file = dir.resolve("state.json");

        LineStateJson.write(state, file);

        assertThat(Files.readString(file)).isEqualTo(Files.readString(GOLDEN));
        assertThat(LineStateJson.toJson(state).toPrettyString()).isEqualTo(Files.readString(GOLDEN));
        assertThat(LineStateJson.read(file)).isEqualTo(state);
    }
}
