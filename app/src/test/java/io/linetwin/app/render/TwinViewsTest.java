package io.linetwin.app.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.linetwin.model.LineSpec;
import io.linetwin.model.StationStatus;
import io.linetwin.render.LineView;
import io.linetwin.twin.LineDescriptors;
import io.linetwin.twin.TwinEvent;
import io.linetwin.twin.TwinStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Twin snapshots become renderer views: states, levels, risk and HUD figures from Ditto Protocol events. */
final class TwinViewsTest {

    private static final double HORIZON = 48 * 3600;

    private static TwinStore store(LineSpec line, Instant now) {
        return TwinStore.of(LineDescriptors.of(line), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static void apply(TwinStore store, String message) {
        assertThat(store.apply(message)).isInstanceOf(TwinEvent.Applied.class);
    }

    @Test
    void aMachineReportedDownAndABufferLevelShowInTheView() throws Exception {
        LineSpec line = TwinMessages.bottling();
        TwinStore store = store(line, TwinMessages.T0);
        TwinViews views = new TwinViews(line, HORIZON);
        LineView before = views.next(store.snapshot());

        apply(store, TwinMessages.state(line, "filler", "down", 1, TwinMessages.T0));
        apply(store, TwinMessages.level(line, "b1", "half-litre", 150, 1, TwinMessages.T0));
        LineView after = views.next(store.snapshot());

        assertThat(before.stations())
                .containsEntry("filler", StationStatus.STARVED)
                .doesNotContainKeys("depal", "warehouse");
        assertThat(before.bufferLevels()).containsEntry("b1", 0);
        assertThat(after.stations())
                .containsEntry("filler", StationStatus.DOWN)
                .containsEntry("capper", StationStatus.STARVED);
        assertThat(after.bufferLevels()).containsEntry("b1", 150);
        assertThat(after.kpis().wip()).isEqualTo(150);
    }

    @Test
    void aShortRemainingLifeLightsTheLampAndALongOneDoesNot() throws Exception {
        LineSpec line = TwinMessages.bottling();
        TwinStore store = store(line, TwinMessages.T0);

        apply(store, TwinMessages.rul(line, "filler", 3600, 1, TwinMessages.T0));
        apply(store, TwinMessages.rul(line, "capper", 60 * 24 * 3600, 1, TwinMessages.T0));
        LineView view = new TwinViews(line, HORIZON).next(store.snapshot());

        assertThat(view.healthRisk().get("filler")).isGreaterThan(0.99);
        assertThat(view.healthRisk().get("capper")).isLessThan(0.01);
        assertThat(view.healthRisk()).doesNotContainKey("labeller");
    }

    @Test
    void throughputCountsGoodPartsAtTheSinkSinceTheFirstSnapshot() throws Exception {
        LineSpec line = TwinMessages.bottling();
        List<Instant> clock = new ArrayList<>(List.of(TwinMessages.T0));
        TwinStore store = TwinStore.of(LineDescriptors.of(line), new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return clock.get(0);
            }
        });
        TwinViews views = new TwinViews(line, HORIZON);
        apply(store, TwinMessages.good(line, "warehouse", 100, 1, TwinMessages.T0));
        LineView first = views.next(store.snapshot());

        clock.set(0, TwinMessages.T0.plusSeconds(1800));
        apply(store, TwinMessages.good(line, "warehouse", 400, 2, clock.get(0)));
        LineView later = views.next(store.snapshot());

        assertThat(first.simSeconds()).isZero();
        assertThat(first.kpis().throughputPerHour()).isZero();
        assertThat(later.simSeconds()).isCloseTo(1800, within(1e-6));
        assertThat(later.kpis().throughputPerHour()).isCloseTo(600, within(1e-6));
    }
}
