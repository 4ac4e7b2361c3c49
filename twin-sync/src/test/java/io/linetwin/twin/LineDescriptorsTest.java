package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.scenario.ScenarioLoader;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

final class LineDescriptorsTest {

    @Test
    void everyStationBufferConveyorAndMaterialBecomesAThingWithItsLimits() throws Exception {
        LineDescriptor line =
                LineDescriptors.of(ScenarioLoader.parse("""
                schema: linetwin/v1
                name: small
                line:
                  id: plant1:small
                  materials: [ { id: caps, initial: 100 } ]
                  stations:
                    - { id: src, kind: source, interarrival: 2s }
                    - id: filler
                      kind: machine
                      process: { dist: constant, value: 1s }
                      consumes: { caps: 1 }
                      parameters: { speed: { value: 1.0, min: 0.6, max: 1.2, maxStep: 0.1 }, temp: 80 }
                      sensors: [ vibration ]
                    - { id: out, kind: sink }
                  buffers: [ { id: b1, from: src, to: filler, capacity: unlimited } ]
                  conveyors: [ { id: c1, from: filler, to: out, length: 12m, speed: 0.5m/s, capacity: 30 } ]
                """, "small.yaml").line());

        Map<String, EquipmentDescriptor> byId =
                line.equipment().stream().collect(Collectors.toMap(EquipmentDescriptor::id, Function.identity()));
        assertThat(line.lineId().toString()).isEqualTo("plant1:small");
        assertThat(byId).containsOnlyKeys("src", "filler", "out", "b1", "c1", "caps");
        assertThat(byId.get("filler").kind()).isEqualTo(EquipmentKind.MACHINE);
        assertThat(byId.get("filler").parameters()).containsEntry("speed", 1.0).containsEntry("temp", 80.0);
        assertThat(byId.get("filler").limits()).containsOnlyKeys("speed");
        assertThat(byId.get("filler").limits().get("speed")).isEqualTo(new ParameterLimit(0.6, 1.2, 0.1));
        assertThat(byId.get("filler").sensors()).containsExactly("vibration");
        assertThat(byId.get("b1").kind()).isEqualTo(EquipmentKind.BUFFER);
        assertThat(byId.get("b1").capacity()).isEqualTo(OptionalInt.empty());
        assertThat(byId.get("c1").kind()).isEqualTo(EquipmentKind.CONVEYOR);
        assertThat(byId.get("c1").capacity()).isEqualTo(OptionalInt.of(30));
        assertThat(byId.get("caps").kind()).isEqualTo(EquipmentKind.MATERIAL);
        assertThat(line.thingIdOf("filler").toString()).isEqualTo("plant1:small.filler");
    }
}
