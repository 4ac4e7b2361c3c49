package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.OutputUnits;
import io.linetwin.model.Scenario;
import io.linetwin.model.UnitName;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a scenario's figures are counted in: the line's unit, each station's, and WIP summed per unit. */
final class OutputUnitsTest {

    /** Bottles become cases at the packer and pallets at the palletiser; a label station merges in nothing. */
    private static final String BOTTLING = """
            schema: linetwin/v1
            name: bottling
            line:
              products: [ { id: half-litre, mix: 0.7 }, { id: keg, mix: 0.3 } ]
              stations:
                - { id: depal, kind: source, supply: unlimited }
                - { id: filler, kind: machine, process: 1s }
                - { id: packer, kind: assembly, inputs: { filler: 12 }, process: 9s }
                - { id: palletiser, kind: assembly, inputs: { packer: 40 }, process: 90s }
                - { id: out, kind: sink }
              buffers:
                - { id: b1, from: depal, to: filler, capacity: 5 }
                - { id: b2, from: filler, to: packer, capacity: 5 }
                - { id: b3, from: packer, to: palletiser, capacity: 5 }
                - { id: b4, from: palletiser, to: out, capacity: 5 }
            """;

    @Test
    void unitsFollowThePartsThroughTheAssemblies() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse(BOTTLING + """
                output: { unit: pallet, byProduct: { keg: { unit: keg-pallet, plural: keg pallets } },
                          stations: { depal: bottle, packer: case } }
                """, "bottling.yaml");

        OutputUnits units = OutputUnits.of(scenario);

        assertThat(units.line()).isEqualTo(new UnitName("pallet", "pallets"));
        assertThat(units.product("keg").plural()).isEqualTo("keg pallets");
        assertThat(units.product("half-litre").plural()).isEqualTo("pallets");
        assertThat(units.oneUnit()).isFalse();
        assertThat(units.station("depal").plural()).isEqualTo("bottles");
        assertThat(units.station("filler").plural()).isEqualTo("bottles");
        assertThat(units.station("packer").plural()).isEqualTo("cases");
        assertThat(units.station("palletiser").plural()).isEqualTo("pallets");
        assertThat(units.station("out").plural()).isEqualTo("pallets");
        assertThat(units.heldAt("b2").plural()).isEqualTo("bottles");
        assertThat(units.heldAt("b3").plural()).isEqualTo("cases");
        assertThat(units.perUnit(Map.of("depal", 30.0, "packer", 2.0, "palletiser", 0.5)))
                .containsExactly(
                        Map.entry(UnitName.of("bottle"), 30.0),
                        Map.entry(UnitName.of("case"), 2.0),
                        Map.entry(UnitName.of("pallet"), 0.5));
    }

    @Test
    void withoutAnOutputBlockEverythingIsPartsAndUndeclaredMakersBeforeAnAssemblyArePlainParts()
            throws ScenarioException {
        assertThat(OutputUnits.of(ScenarioLoader.parse(BOTTLING, "b.yaml")).station("filler"))
                .isEqualTo(UnitName.PART);
        OutputUnits palletsOnly =
                OutputUnits.of(ScenarioLoader.parse(BOTTLING + "output: { unit: pallet }\n", "b.yaml"));
        assertThat(palletsOnly.station("filler")).isEqualTo(UnitName.PART);
        assertThat(palletsOnly.station("packer")).isEqualTo(UnitName.PART);
        assertThat(palletsOnly.station("palletiser").singular()).isEqualTo("pallet");
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "pallet, pallets",
        "box, boxes",
        "battery, batteries",
        "day, days",
        "bus, buses",
        "batch, batches",
        "body, bodies",
        "case, cases"
    })
    void regularPluralsAreFormed(String singular, String plural) {
        assertThat(UnitName.of(singular).plural()).isEqualTo(plural);
    }
}
