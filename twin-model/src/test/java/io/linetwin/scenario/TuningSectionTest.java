package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.SetEntryException;
import io.linetwin.model.TuningConstraint;
import io.linetwin.model.TuningObjective;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import io.linetwin.model.Variant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class TuningSectionTest {

    private static final String LINE = """
            schema: linetwin/v1
            name: tunable
            line:
              stations:
                - { id: src, kind: source, interarrival: { dist: exponential, mean: 2s } }
                - { id: m1, kind: machine, process: 1s }
                - { id: m2, kind: machine, process: 1s, parameters: { speed: { value: 1.0, min: 0.5, max: 2 } } }
                - { id: out, kind: sink }
              buffers:
                - { id: b1, from: src, to: m1, capacity: unlimited }
                - { id: b2, from: m1, to: m2, capacity: 4 }
                - { id: b3, from: m2, to: out, capacity: 0 }
            """;

    @Test
    void aTuningSectionLoadsWithEveryKeyAndTheBaseLinesValues() throws Exception {
        Scenario scenario = ScenarioLoader.parse(LINE + """
                tuning:
                  objective: { maximise: profitPerHour, valuePerPart: 2.5 }
                  variables:
                    - { path: buffers.b2.capacity, type: integer, min: 0, max: 10, costPerHour: 0.1 }
                    - { path: buffers.b3.capacity, type: integer, min: 0, max: 10 }
                    - { path: stations.m1.parameters.speed, type: continuous, min: 0.5, max: 1.5 }
                    - { path: stations.m2.parameters.speed, type: continuous, min: 0.5, max: 2 }
                    - { path: stations.src.parameters.speed, type: continuous, min: 0.8, max: 1.2 }
                  constraints:
                    - { sum: [ buffers.b2.capacity, buffers.b3.capacity ], max: 6 }
                    - { sum: [ buffers.b2.capacity ], min: 1 }
                  guard: [ { kpi: scrapRate }, { kpi: wip, worseBy: 2 } ]
                  budget: { evaluations: 40, replications: 3 }
                """, "t.yaml");

        TuningSpec tuning = scenario.tuning().orElseThrow();
        assertThat(tuning.objective()).isEqualTo(TuningObjective.profitPerHour(2.5));
        assertThat(tuning.variables())
                .extracting(TuningVariable::path)
                .containsExactly(
                        "buffers.b2.capacity",
                        "buffers.b3.capacity",
                        "stations.m1.parameters.speed",
                        "stations.m2.parameters.speed",
                        "stations.src.parameters.speed");
        // Current values: as written, or the default a station leaves in place (speed 1).
        assertThat(tuning.variables())
                .extracting(v -> v.current().getAsDouble())
                .containsExactly(4.0, 0.0, 1.0, 1.0, 1.0);
        assertThat(tuning.variables().get(0).costPerHour()).isEqualTo(0.1);
        assertThat(tuning.constraints())
                .containsExactly(
                        TuningConstraint.atMost(List.of("buffers.b2.capacity", "buffers.b3.capacity"), 6),
                        TuningConstraint.atLeast(List.of("buffers.b2.capacity"), 1));
        assertThat(tuning.guards())
                .extracting(g -> g.kpi() + ":" + g.worseBy())
                .containsExactly("scrapRate:0.0", "wip:2.0");
        assertThat(tuning.evaluations()).isEqualTo(40);
        assertThat(tuning.replications()).isEqualTo(3);
    }

    @Test
    void theBudgetDefaultsTo300EvaluationsOf5Replications() throws Exception {
        TuningSpec tuning = ScenarioLoader.parse(LINE + """
                tuning:
                  objective: { minimize: leadTimeSeconds }
                  variables: [ { path: buffers.b2.capacity, type: integer, min: 0, max: 10 } ]
                """, "t.yaml").tuning().orElseThrow();

        assertThat(tuning.objective()).isEqualTo(TuningObjective.minimise("leadTimeSeconds"));
        assertThat(tuning.evaluations()).isEqualTo(300);
        assertThat(tuning.replications()).isEqualTo(5);
    }

    @Test
    void theTemplateBuildsSpeedsForMachinesAndSourcesThatHadNone() throws Exception {
        Scenario scenario = ScenarioLoader.parse(LINE, "t.yaml");

        LineSpec line = scenario.template()
                .with(Map.of(
                        "stations.m1.parameters.speed",
                        1.25,
                        "stations.src.parameters.speed",
                        0.9,
                        "stations.m2.parameters.speed",
                        1.5,
                        "buffers.b2.capacity",
                        7));

        assertThat(line.station("m1").orElseThrow().speed()).isEqualTo(1.25);
        assertThat(line.station("src").orElseThrow().speed()).isEqualTo(0.9);
        // Setting a parameter keeps its limits.
        assertThat(line.station("m2").orElseThrow().parameters().get("speed").max())
                .hasValue(2.0);
        assertThat(line.station("m2").orElseThrow().speed()).isEqualTo(1.5);
        assertThat(line.buffer("b2").orElseThrow().capacity()).isEqualTo(7);
        assertThat(scenario.line().buffer("b2").orElseThrow().capacity()).isEqualTo(4);
    }

    @Test
    void aVariantMadeAtRunTimeRecordsItsEntriesAsAFileVariantWould() throws Exception {
        Scenario scenario = ScenarioLoader.parse(LINE, "t.yaml");

        Variant tuned = scenario.variantOf("tuned", Map.of("buffers.b2.capacity", 9.0));

        assertThat(tuned.set()).containsEntry("buffers.b2.capacity", "9");
        assertThat(tuned.line().buffer("b2").orElseThrow().capacity()).isEqualTo(9);
    }

    @Test
    void theTemplateRefusesBadPathsAndValuesNamingThem() throws Exception {
        Scenario scenario = ScenarioLoader.parse(LINE, "t.yaml");

        assertThatThrownBy(() -> scenario.template().with(Map.of("buffers.b9.capacity", 1)))
                .isInstanceOfSatisfying(
                        SetEntryException.class, e -> assertThat(e.badPath()).isTrue())
                .hasMessageContaining("no buffer 'b9'");
        assertThatThrownBy(() -> scenario.template().with(Map.of("stations.out.parameters.speed", 1)))
                .isInstanceOfSatisfying(
                        SetEntryException.class, e -> assertThat(e.badPath()).isTrue());
        assertThatThrownBy(() -> scenario.template().with(Map.of("stations.m2.parameters.speed", 3)))
                .isInstanceOfSatisfying(
                        SetEntryException.class, e -> assertThat(e.badPath()).isFalse())
                .hasMessageContaining("expected a value <= max 2.0");
    }

    @Test
    void aScenarioBuiltInCodeHasNoTemplate() throws Exception {
        Scenario read = ScenarioLoader.parse(LINE, "t.yaml");
        Scenario scenario = new Scenario("s", "", read.line(), read.experiment(), List.of());

        assertThat(scenario.tuning()).isEmpty();
        assertThatThrownBy(() -> scenario.variantOf("v", Map.of("buffers.b2.capacity", 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read from a file");
    }
}
