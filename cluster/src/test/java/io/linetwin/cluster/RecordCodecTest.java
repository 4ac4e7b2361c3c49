package io.linetwin.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import io.linetwin.model.Scenario;
import io.linetwin.sim.LineSimulation;
import io.linetwin.sim.ReplicationResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class RecordCodecTest {

    @ParameterizedTest
    @ValueSource(strings = {"bottling-line.yaml", "automotive-body.yaml", "smt-line.yaml", "canning-cell.yaml"})
    void resultsAndMidRunStatesOfLibraryLinesComeBackEqual(String file) throws IOException {
        Scenario scenario = Scenarios.load(Scenarios.library(file));
        ExperimentSpec experiment = scenario.experiment();
        LineSimulation simulation = new LineSimulation(scenario.line()).startingAt(experiment.startSecondsOfWeek());
        ReplicationResult result = simulation.run(3600, 4 * 3600, experiment.seed(), 3);
        LineState state = simulation.snapshot(3 * 3600, experiment.seed(), 1, Instant.parse("2024-03-04T09:00:00Z"));

        assertThat(roundTrip(ReplicationResult.class, result)).isEqualTo(result);
        assertThat(roundTrip(LineState.class, state)).isEqualTo(state);
        assertThat(roundTrip(ExperimentSpec.class, experiment)).isEqualTo(experiment);
    }

    @Test
    void membersOfASealedFamilyKeepTheirKindAndAbsentPartsStayAbsent() throws IOException {
        record Holder(List<MachineCondition> conditions) {}
        Holder holder = new Holder(List.of(
                new MachineCondition.Starved(),
                new MachineCondition.Down(12.5, OptionalDouble.empty(), java.util.Optional.of("jam")),
                new MachineCondition.Working(java.util.Optional.empty(), OptionalDouble.of(-0.0))));

        Holder back = roundTrip(Holder.class, holder);

        assertThat(back).isEqualTo(holder);
        assertThat(((MachineCondition.Working) back.conditions().get(2))
                        .remainingSeconds()
                        .getAsDouble())
                .isEqualTo(-0.0);
    }

    @Test
    void aComponentOfAnUnknownKindIsRefusedWhenWritten() {
        record Odd(StringBuilder text) {}

        assertThatThrownBy(() -> roundTrip(Odd.class, new Odd(new StringBuilder("x"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.StringBuilder cannot be encoded");
    }

    private static <T> T roundTrip(Class<T> type, T value) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            RecordCodec.write(out, type, value);
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            T back = RecordCodec.read(in, type);
            assertThat(in.read()).as("nothing left over").isEqualTo(-1);
            return back;
        }
    }
}
