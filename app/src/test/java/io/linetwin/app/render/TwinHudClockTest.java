package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.render.CalendarClock;
import io.linetwin.twin.Snapshot;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code render --from-twin}: the HUD's clock showed the scenario's start (a lone snapshot is view time 0), not
 * when the twin was taken.
 */
final class TwinHudClockTest {

    @Test
    void theHudShowsTheWeekTimeTheSnapshotWasTaken() {
        Snapshot wednesday = new Snapshot(Instant.parse("2026-12-02T14:30:00Z"), Map.of());

        assertThat(new CalendarClock(RenderCommand.calendarStart(wednesday)).at(0))
                .isEqualTo("Wed 14:30");
    }

    @Test
    void aSnapshotTakenOnMondayAtMidnightIsTheWeeksStart() {
        Snapshot monday = new Snapshot(Instant.parse("2026-11-30T00:00:00Z"), Map.of());

        assertThat(RenderCommand.calendarStart(monday)).isZero();
    }
}
