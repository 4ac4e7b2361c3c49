package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

final class LineCalendarTest {

    private static final double HOUR = 3600;

    @Test
    void engineTimeReadsAsWeekdayAndClockFromTheStart() {
        LineCalendar calendar = new ExperimentSpec(86_400, 0, 1, 1, 6 * 24 * HOUR + 22 * HOUR).calendar();

        assertThat(calendar.format(0)).isEqualTo("Sun 22:00");
        assertThat(calendar.format(3 * HOUR + 59)).isEqualTo("wk2 Mon 01:00");
        assertThat(calendar.formatSeconds(3 * HOUR + 59.9)).isEqualTo("wk2 Mon 01:00:59");
        assertThat(calendar.weekday(2 * HOUR)).isEqualTo(DayOfWeek.MONDAY);
        assertThat(calendar.hasDate()).isFalse();
        assertThat(calendar.dateTime(10)).isEmpty();
    }

    @Test
    void aStartDateShowsDatesAcrossMonthsAndYears() {
        LocalDateTime start = LocalDateTime.of(2026, 12, 31, 22, 0);
        ExperimentSpec experiment = ExperimentSpec.startingOn(86_400, 0, 1, 1, start);

        assertThat(experiment.startSecondsOfWeek()).isEqualTo(3 * 24 * HOUR + 22 * HOUR);
        assertThat(experiment.calendar().format(0)).isEqualTo("2026-12-31 Thu 22:00");
        assertThat(experiment.calendar().format(3 * HOUR)).isEqualTo("2027-01-01 Fri 01:00");
        assertThat(experiment.calendar().format(9 * 24 * HOUR)).isEqualTo("2027-01-09 Sat 22:00");
        assertThat(experiment.calendar().dateTime(90)).contains(LocalDateTime.of(2026, 12, 31, 22, 1, 30));
        // The overrides keep the date.
        assertThat(experiment.withHorizon(10).withSeed(3).startDate()).contains(start);
    }

    @Test
    void aDateMustAgreeWithTheSecondsOfWeek() {
        assertThatThrownBy(() -> new ExperimentSpec(1, 0, 1, 1, 0, Optional.of(LocalDateTime.of(2026, 12, 8, 6, 0))))
                .hasMessageContaining("must fall at 0.0 s of the week");
    }
}
