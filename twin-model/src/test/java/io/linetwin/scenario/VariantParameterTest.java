package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import org.junit.jupiter.api.Test;

/** README's example: a variant sets the speed of a machine that declares no parameters. */
final class VariantParameterTest {

    @Test
    void aVariantMayGiveAStationAParameterItLacks() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse(Scenarios.oneMachine("1.2s", """
                variants:
                  - { name: faster, set: { stations.m.parameters.speed: 1.1 } }
                  - { name: slower, set: { stations.m.parameters.speed: 0.5, stations.m.scrap: 0.01 } }
                """), "x.yaml");

        assertThat(scenario.line().station("m").orElseThrow().speed()).isEqualTo(1.0);
        assertThat(scenario.lineOf("faster").station("m").orElseThrow().speed()).isEqualTo(1.1);
        assertThat(scenario.lineOf("slower").station("m").orElseThrow().speed()).isEqualTo(0.5);
        assertThat(scenario.lineOf("slower").station("m").orElseThrow().scrap()).isEqualTo(0.01);
    }

    @Test
    void aBadValueIsStillReportedAtTheSetEntry() {
        ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                ScenarioException.class, () -> ScenarioLoader.parse(Scenarios.oneMachine("1.2s", """
                        variants: [ { name: stopped, set: { stations.m.parameters.speed: 0 } } ]
                        """), "x.yaml"));

        assertThat(e.problems())
                .singleElement()
                .asString()
                .contains("variants.stopped.set.stations.m.parameters.speed");
    }
}
