package io.linetwin.predict.tuning;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import io.linetwin.model.TuningRegion;
import io.linetwin.model.TuningSpec;
import io.linetwin.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The tuner against exhaustive enumeration. {@code three-speeds.yaml}: three machines with integer speeds 1-4
 * summing to at most 7 and two buffers of 0-10 places sharing at most 12 — 2,720 feasible settings, every one
 * simulated with the same simulator, seed and replications the search uses. The tuner may simulate a tenth of
 * them.
 */
final class ExhaustiveTuningTest {

    private static final List<String> PATHS = List.of(
            "stations.m1.parameters.speed",
            "stations.m2.parameters.speed",
            "stations.m3.parameters.speed",
            "buffers.b1.capacity",
            "buffers.b2.capacity");

    private static Scenario scenario;
    private static TuningSpec spec;
    private static Map<Setting, Double> grid;
    private static Setting optimum;
    private static TuningResult result;

    @BeforeAll
    static void enumerateEverySettingAndTune() throws Exception {
        scenario = ScenarioLoader.load(Path.of(ExhaustiveTuningTest.class
                .getResource("/tuning/three-speeds.yaml")
                .toURI()));
        spec = scenario.tuning().orElseThrow();
        TuningRegion region = spec.region();
        List<Setting> all = new ArrayList<>();
        for (int a = 1; a <= 4; a++) {
            for (int b = 1; b <= 4; b++) {
                for (int c = 1; c <= 4; c++) {
                    for (int x = 0; x <= 10; x++) {
                        for (int y = 0; y <= 10; y++) {
                            double[] values = {a, b, c, x, y};
                            if (region.contains(values)) {
                                all.add(Setting.of(values));
                            }
                        }
                    }
                }
            }
        }
        Objective objective = new Objective(spec);
        grid = new LinkedHashMap<>();
        try (Evaluator evaluator = new Evaluator(
                scenario.experiment(), Optional.empty(), s -> scenario.variantOf("setting", entries(s)), 2)) {
            evaluator.ensure(all, spec.replications());
            for (Setting setting : all) {
                grid.put(
                        setting,
                        SearchContext.mean(objective.values(setting, evaluator.runs(setting), 0, spec.replications())));
            }
        }
        optimum = grid.entrySet().stream()
                .max(Map.Entry.comparingByValue())
                .orElseThrow()
                .getKey();
        result = new Tuner(
                        scenario,
                        spec,
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(2))
                .run(TuningListener.NONE);
        System.out.printf(
                "three-speeds: grid %d settings, exhaustive optimum %s at %.1f parts/h (%d replications "
                        + "of %s s); tuner: %d evaluations, winner %s at %.1f parts/h on the same replications, found first "
                        + "after %d evaluations%n",
                grid.size(),
                optimum,
                grid.get(optimum),
                spec.replications(),
                scenario.experiment().horizonSeconds(),
                result.evaluations(),
                result.bestValues(),
                grid.get(setting(result.bestValues())),
                firstReached(grid.get(optimum)));
    }

    @Test
    void theGridHas2720SettingsAndTheTunerSimulatesAtMostATenth() {
        assertThat(grid).hasSize(2720);
        assertThat(result.evaluations()).isLessThanOrEqualTo(grid.size() / 10);
    }

    @Test
    void theWinnerIsWithinOnePercentOfTheExhaustiveOptimum() {
        double winner = grid.get(setting(result.bestValues()));

        assertThat(winner).isGreaterThanOrEqualTo(0.99 * grid.get(optimum));
        // The search itself met the optimum on the way.
        assertThat(firstReached(grid.get(optimum))).isPositive();
    }

    @Test
    void everySimulatedSettingMeetsTheBoundsAndConstraints() {
        assertThat(result.evaluated()).hasSize(result.evaluations());
        for (Map<String, Object> values : result.evaluated()) {
            int speeds = 0;
            int places = 0;
            for (String path : PATHS) {
                assertThat(values.get(path)).as(path).isInstanceOf(Integer.class);
            }
            for (int i = 0; i < 3; i++) {
                int speed = (Integer) values.get(PATHS.get(i));
                assertThat(speed).isBetween(1, 4);
                speeds += speed;
            }
            for (int i = 3; i < 5; i++) {
                int capacity = (Integer) values.get(PATHS.get(i));
                assertThat(capacity).isBetween(0, 10);
                places += capacity;
            }
            assertThat(speeds).as("%s", values).isLessThanOrEqualTo(7);
            assertThat(places).as("%s", values).isLessThanOrEqualTo(12);
        }
    }

    @Test
    void oneSeedGivesTheSameResultOnOneThreadAsOnTwo() {
        TuningResult single = new Tuner(
                        scenario,
                        spec,
                        scenario.experiment(),
                        TuningOptions.defaults().withThreads(1))
                .run(TuningListener.NONE);

        assertThat(single.bestValues()).isEqualTo(result.bestValues());
        assertThat(single.evaluated()).isEqualTo(result.evaluated());
        assertThat(single.trajectory()).isEqualTo(result.trajectory());
        assertThat(single.replications()).isEqualTo(result.replications());
        assertThat(single.best().objective()).isEqualTo(result.best().objective());
        assertThat(single.pcs()).isEqualTo(result.pcs());
    }

    @Test
    void theWinnerBeatsTheBaselineAndTheTrajectoryNeverFalls() {
        assertThat(result.supportedGain()).isTrue();
        assertThat(result.pcs()).isEqualTo(0.95);
        assertThat(result.selectionCompleted()).isTrue();
        double previous = Double.NEGATIVE_INFINITY;
        for (TuningResult.Step step : result.trajectory()) {
            if (!Double.isNaN(step.bestObjective())) {
                assertThat(step.bestObjective()).isGreaterThanOrEqualTo(previous);
                previous = step.bestObjective();
            }
        }
        assertThat(previous).isEqualTo(grid.get(optimum));
    }

    private static int firstReached(double value) {
        return result.trajectory().stream()
                .filter(s -> s.bestObjective() >= value)
                .mapToInt(TuningResult.Step::evaluation)
                .findFirst()
                .orElse(-1);
    }

    private static Setting setting(Map<String, Object> values) {
        double[] v = new double[PATHS.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = ((Number) values.get(PATHS.get(i))).doubleValue();
        }
        return Setting.of(v);
    }

    private static Map<String, Object> entries(Setting setting) {
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < PATHS.size(); i++) {
            entries.put(PATHS.get(i), (int) setting.value(i));
        }
        return entries;
    }
}
