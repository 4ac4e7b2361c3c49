package io.linetwin.render.scene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class LabelPlacerTest {

    private static final float W = 960;
    private static final float H = 540;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void platesNeverOverlapStayInTheFrameAndKeepOffTheReservedPanels(long seed) {
        Random random = new Random(seed);
        List<LabelPlacer.Item> items = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            items.add(new LabelPlacer.Item(
                    "s" + i, random.nextFloat() * W, random.nextFloat() * H, 40 + random.nextFloat() * 80, 18));
        }
        List<LabelPlacer.Rect> reserved =
                List.of(new LabelPlacer.Rect(0, 0, W, 50), new LabelPlacer.Rect(0, H - 80, 400, 80));

        List<LabelPlacer.Placed> placed = LabelPlacer.place(items, W, H, reserved);

        assertThat(placed).isNotEmpty();
        for (int i = 0; i < placed.size(); i++) {
            LabelPlacer.Rect a = placed.get(i).plate();
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.w()).isLessThanOrEqualTo(W);
            assertThat(a.y() + a.h()).isLessThanOrEqualTo(H);
            for (LabelPlacer.Rect r : reserved) {
                assertThat(a.overlaps(r, 0))
                        .as("%s on a panel", placed.get(i).id())
                        .isFalse();
            }
            for (int j = i + 1; j < placed.size(); j++) {
                assertThat(a.overlaps(placed.get(j).plate(), LabelPlacer.GAP - 0.01f))
                        .as("%s and %s", placed.get(i).id(), placed.get(j).id())
                        .isFalse();
            }
        }
    }

    @Test
    void theMostImportantLabelSitsRightAboveItsAnchorAndACrowdedOneMovesAwayWithALeader() {
        List<LabelPlacer.Item> items = List.of(
                new LabelPlacer.Item("bottleneck", 300, 200, 100, 18),
                new LabelPlacer.Item("neighbour", 310, 200, 100, 18));

        List<LabelPlacer.Placed> placed = LabelPlacer.place(items, W, H, List.of());

        assertThat(placed).hasSize(2);
        LabelPlacer.Placed first = placed.get(0);
        assertThat(first.plate().x() + first.plate().w() / 2).isEqualTo(300);
        assertThat(first.plate().y()).isGreaterThan(200);
        assertThat(first.leader()).isFalse();
        assertThat(placed.get(1).leader()).isTrue();
    }

    @Test
    void aLabelWithNoFreeSpotIsLeftOutNotDrawnOverAnother() {
        List<LabelPlacer.Item> items = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            items.add(new LabelPlacer.Item("s" + i, 100, 100, 90, 18));
        }

        List<LabelPlacer.Placed> placed = LabelPlacer.place(items, 300, 300, List.of());

        assertThat(placed.size()).isLessThan(400).isPositive();
        assertThat(placed.get(0).id()).isEqualTo("s0");
    }
}
