package io.linetwin.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineSpecBuilderTest {

    private static final StationSpec SOURCE = StationSpec.source("src", java.util.Optional.empty(), OnFull.BLOCK);
    private static final StationSpec PRESS = StationSpec.machine("press", new Distribution.Constant(30));
    private static final StationSpec SINK = StationSpec.sink("out");

    private static LineSpec line() {
        return LineSpec.builder("test:builder")
                .products(List.of(new ProductSpec("a", 1)))
                .stations(SOURCE, PRESS, SINK)
                .buffers(new BufferSpec("b1", "src", "press", 3), new BufferSpec("b2", "press", "out", 2))
                .shifts(List.of(
                        new ShiftSpec(java.util.Set.of(java.time.DayOfWeek.MONDAY), 6 * 3600, 8 * 3600, List.of())))
                .materials(List.of(new MaterialSpec("bolt", 100, java.util.Optional.empty())))
                .build();
    }

    @Test
    void unsetComponentsAreEmptyAndCopiesKeepEveryComponent() {
        LineSpec bare = LineSpec.builder("test:bare").stations(PRESS).build();
        assertThat(bare.products()).isEmpty();
        assertThat(bare.buffers()).isEmpty();
        assertThat(bare.layout()).isEmpty();
        assertThat(bare.shifts()).isEmpty();
        assertThat(bare.materials()).isEmpty();
        assertThat(bare.conveyors()).isEmpty();
        assertThat(bare.transport()).isEmpty();

        LineSpec line = line();
        assertThat(line.toBuilder().build()).isEqualTo(line);
        LineSpec longer = line.withBuffer(new BufferSpec("b1", "src", "press", 7));
        assertThat(longer.buffer("b1").orElseThrow().capacity()).isEqualTo(7);
        assertThat(longer.toBuilder().buffers(line.buffers()).build()).isEqualTo(line);
        assertThat(line.withShifts(List.of()).shifts()).isEmpty();
        assertThat(line.withShifts(List.of()).materials()).isEqualTo(line.materials());
    }

    @Test
    void buildChecksAsTheConstructorDoes() {
        assertThatThrownBy(() -> LineSpec.builder("test:empty").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("line test:empty needs at least one station");
        assertThatThrownBy(() -> line().toBuilder()
                        .layout(Map.of("nowhere", new LayoutSpec(0, 0, 0)))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("layout must name a station, got nowhere");
    }
}
