package io.linetwin.twin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eclipse.ditto.things.model.Thing;
import org.eclipse.ditto.things.model.ThingId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

final class ThingRoundTripTest {

    @ParameterizedTest
    @EnumSource(EquipmentKind.class)
    void everyKindSurvivesDittoProtocolJsonUnchanged(EquipmentKind kind) throws Exception {
        LineDescriptor line = Lines.bottlingWithWasher();
        EquipmentDescriptor equipment = line.equipment().stream()
                .filter(e -> e.kind() == kind)
                .findFirst()
                .orElseThrow();
        Thing thing = EquipmentThings.of(line, equipment, Lines.T0);

        String json = DittoMessages.toJson(DittoMessages.thingModified(thing, 1, Lines.T0));
        GoldenFiles.assertMatches(kind.jsonName() + ".thingModified.json", json);

        TwinStore store =
                new TwinStore(List.of(thing.toBuilder().removeAllFeatures().build()), Lines.fixedClock());
        TwinEvent outcome = store.apply(json);

        assertThat(outcome).isInstanceOf(TwinEvent.Applied.class);
        ThingId id = line.thingIdOf(equipment.id());
        TwinThing back = store.snapshot().get(id).orElseThrow();
        assertThat(back.thing()).isEqualTo(thing);
        assertThat(back.revision()).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(EquipmentKind.class)
    void everyKindHasTheFeaturesItsKindPromises(EquipmentKind kind) {
        LineDescriptor line = Lines.bottlingWithWasher();
        EquipmentDescriptor equipment = line.equipment().stream()
                .filter(e -> e.kind() == kind)
                .findFirst()
                .orElseThrow();
        Thing thing = EquipmentThings.of(line, equipment, Lines.T0);

        assertThat(thing.getFeatures().orElseThrow().stream()
                        .map(f -> f.getId())
                        .toList())
                .containsExactlyInAnyOrderElementsOf(kind.features());
        assertThat(thing.getAttributes()
                        .orElseThrow()
                        .getValue("kind")
                        .orElseThrow()
                        .asString())
                .isEqualTo(kind.jsonName());
        assertThat(thing.getEntityId().orElseThrow().toString()).isEqualTo("plant1:bottling." + equipment.id());
    }
}
