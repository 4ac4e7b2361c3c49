package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.BufferContents;
import io.linetwin.model.LineState;
import io.linetwin.model.MachineCondition;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.eclipse.ditto.json.JsonFactory;
import org.eclipse.ditto.json.JsonValue;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.api.Test;

final class LineStateMapperTest {

    private static ThingId id(String equipment) {
        return ThingId.of("plant1:bottling." + equipment);
    }

    private static String set(String equipment, String feature, String property, JsonValue value) {
        return DittoMessages.toJson(DittoMessages.modifyProperty(id(equipment), feature, property, value, "c"));
    }

    @Test
    void aSnapshotBecomesTheWarmStartOfTheSimulation() {
        // The snapshot is taken 90 s after the filler went down.
        TwinStore store = TwinStore.of(Lines.bottling(), Clock.fixed(Lines.T0.plusSeconds(90), ZoneOffset.UTC));
        store.apply(set(
                "filler",
                "status",
                "",
                JsonFactory.newObjectBuilder()
                        .set("state", "down")
                        .set("since", Lines.T0.toString())
                        .set("remainingSeconds", 300)
                        .set("failure", "jam")
                        .set("product", "litre")
                        .build()));
        store.apply(set("filler", "counters", "good", JsonValue.of(1200)));
        store.apply(set("filler", "parameters", "speed", JsonValue.of(1.1)));
        store.apply(set(
                "capper",
                "status",
                "",
                JsonFactory.newObjectBuilder()
                        .set("state", "blocked")
                        .set("heldProduct", "half-litre")
                        .build()));
        store.apply(set(
                "packer",
                "status",
                "",
                JsonFactory.newObjectBuilder()
                        .set("state", "working")
                        .set("product", "litre")
                        .set("remainingSeconds", 2.5)
                        .build()));
        store.apply(set(
                "b1",
                "buffer",
                "levels",
                JsonFactory.newObjectBuilder()
                        .set("litre", 3)
                        .set("half-litre", 5)
                        .build()));
        store.apply(set(
                "c1",
                "buffer",
                "levels",
                JsonFactory.newObjectBuilder().set("litre", 11).build()));
        store.apply(set("preform", "stock", "level", JsonValue.of(15000)));
        store.apply(set(
                "filler",
                "parameters",
                "setpoints",
                JsonFactory.newObjectBuilder().set("temperature", 72).build()));

        LineState state = new LineStateMapper(ThingId.of("plant1:bottling")).map(store.snapshot(), 3600);

        assertThat(state.clockSeconds()).isEqualTo(3600);
        assertThat(state.capturedAt()).isEqualTo(Lines.T0.plusSeconds(90));
        assertThat(state.stations().get("filler").condition())
                .isEqualTo(new MachineCondition.Down(90, OptionalDouble.of(300), Optional.of("jam")));
        assertThat(state.stations().get("filler").currentProduct()).contains("litre");
        assertThat(state.stations().get("filler").good()).isEqualTo(1200);
        assertThat(state.stations().get("capper").condition())
                .isEqualTo(new MachineCondition.Blocked(Optional.of("half-litre")));
        assertThat(state.stations().get("packer").condition())
                .isEqualTo(new MachineCondition.Working(Optional.of("litre"), OptionalDouble.of(2.5)));
        assertThat(state.stations().get("depal").condition()).isEqualTo(new MachineCondition.Starved());
        assertThat(state.stations()).containsKey("out").doesNotContainKey("b1");
        assertThat(state.buffers())
                .containsEntry("b1", new BufferContents(Map.of("litre", 3, "half-litre", 5)))
                .containsEntry("c1", new BufferContents(Map.of("litre", 11)))
                .containsEntry("b9", new BufferContents(Map.of()));
        assertThat(state.parameters().get("filler"))
                .containsEntry("speed", 1.1)
                .containsEntry("setpoints.temperature", 72.0);
        assertThat(state.materialStocks()).containsEntry("preform", 15000.0);
    }
}
