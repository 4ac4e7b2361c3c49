package io.linetwin.render.layout;

import static org.assertj.core.api.Assertions.assertThat;

import io.linetwin.model.LayoutSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.render.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

final class AutoLayoutTest {

    @ParameterizedTest(name = "{0} stations")
    @ValueSource(ints = {5, 20, 170, 500})
    void automaticFootprintsOfStationsAndRacksNeverOverlap(int stations) {
        FloorPlan plan = AutoLayout.plan(Lines.chain(stations));

        List<Footprint> all = new ArrayList<>(plan.stations().values());
        plan.buffers().values().stream().filter(BufferPlacement::hasRack).map(BufferPlacement::rack).forEach(all::add);
        assertThat(plan.stations()).hasSize(stations);
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                assertThat(all.get(i).overlaps(all.get(j)))
                        .as("%s overlaps %s", all.get(i), all.get(j))
                        .isFalse();
            }
        }
    }

    @ParameterizedTest(name = "{0} stations")
    @ValueSource(ints = {5, 20, 170, 500})
    void everyBufferGetsARackBetweenItsStations(int stations) {
        FloorPlan plan = AutoLayout.plan(Lines.chain(stations));

        assertThat(plan.buffers()).hasSize(stations - 1);
        assertThat(plan.buffers().values()).allSatisfy(b -> assertThat(b.lengthMetres()).isGreaterThan(1));
    }

    @Test
    void neighboursInTheFlowStandNextToEachOther() {
        FloorPlan plan = AutoLayout.plan(Lines.chain(170));
        LineSpec line = Lines.chain(170);

        line.buffers().forEach(b -> {
            Footprint from = plan.station(b.from());
            Footprint to = plan.station(b.to());
            assertThat(Math.hypot(to.x() - from.x(), to.z() - from.z()))
                    .as(b.id())
                    .isLessThanOrEqualTo(Math.max(AutoLayout.PITCH_X, AutoLayout.PITCH_Z) + 1e-9);
        });
    }

    @Test
    void longLinesFoldIntoAPictureShapedSerpentine() {
        FloorPlan plan = AutoLayout.plan(Lines.chain(500));

        double aspect = (plan.maxX() - plan.minX()) / (plan.maxZ() - plan.minZ());
        assertThat(aspect).isBetween(1.0, 3.0);
    }

    @Test
    void explicitCoordinatesAreHonouredAndTheRestIsPlacedClearOfThem() {
        LineSpec line = Lines.chain(6, Map.of("m2", new LayoutSpec(40, -20, 90)));

        FloorPlan plan = AutoLayout.plan(line);

        Footprint m2 = plan.station("m2");
        assertThat(m2.x()).isEqualTo(40);
        assertThat(m2.z()).isEqualTo(-20);
        assertThat(m2.rotationDegrees()).isEqualTo(90);
        plan.stations().values().stream().filter(f -> !f.id().equals("m2"))
                .forEach(f -> assertThat(f.overlaps(m2)).as(f.id()).isFalse());
    }

    @Test
    void stationsFollowTheFlowNotTheDeclarationOrder() {
        LineSpec declared = Lines.chain(5);
        List<String> reversed = new ArrayList<>(declared.stations().stream().map(s -> s.id()).toList());
        java.util.Collections.reverse(reversed);
        LineSpec shuffled = new LineSpec(declared.id(), List.of(),
                reversed.stream().map(id -> declared.station(id).orElseThrow()).toList(), declared.buffers(), Map.of());

        assertThat(FlowOrder.of(shuffled)).containsExactly("src", "m1", "m2", "m3", "out");
    }
}
