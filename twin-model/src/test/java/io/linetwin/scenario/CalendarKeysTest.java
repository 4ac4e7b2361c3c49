package io.linetwin.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.Scenario;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** A start date beside the weekday form, and compound durations in a scenario file. */
final class CalendarKeysTest {

    @Test
    void aStartDatePlacesTheRunInTheWeekAndKeepsTheDate() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse(
                Scenarios.oneMachine(
                        "1s", "experiment: { horizon: 1d4h, warmup: 2h30m, start: \"2026-12-07 06:00\" }\n"),
                "x.yaml");

        // 2026-12-07 is a Monday.
        assertThat(scenario.experiment().startSecondsOfWeek()).isEqualTo(6 * 3600.0);
        assertThat(scenario.experiment().startDate()).contains(LocalDateTime.of(2026, 12, 7, 6, 0));
        assertThat(scenario.experiment().horizonSeconds()).isEqualTo(28 * 3600.0);
        assertThat(scenario.experiment().warmupSeconds()).isEqualTo(2.5 * 3600);
        assertThat(scenario.experiment().calendar().format(scenario.experiment().warmupSeconds()))
                .isEqualTo("2026-12-07 Mon 08:30");
    }

    @Test
    void theWeekdayFormHasNoDate() throws ScenarioException {
        Scenario scenario = ScenarioLoader.parse(
                Scenarios.oneMachine("{ dist: constant, value: 1m30s }", "experiment: { start: \"wed 14:00\" }\n"),
                "x.yaml");

        assertThat(scenario.experiment().startDate()).isEmpty();
        assertThat(scenario.experiment().calendar().format(0)).isEqualTo("Wed 14:00");
        assertThat(scenario.line()
                        .station("m")
                        .orElseThrow()
                        .process()
                        .orElseThrow()
                        .mean())
                .isEqualTo(90.0);
    }
}
