package io.linetwin.render;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.Distribution;
import io.linetwin.model.LayoutSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.OnFull;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test lines: a source, machines m1..m(n-2), a sink, joined by buffers b1.. of capacity 10. */
public final class Lines {

    public static final int CAPACITY = 10;

    private Lines() {}

    public static LineSpec chain(int stations) {
        return chain(stations, Map.of());
    }

    public static LineSpec chain(int stations, Map<String, LayoutSpec> layout) {
        if (stations < 2) {
            throw new IllegalArgumentException("a chain needs >= 2 stations, got " + stations);
        }
        List<StationSpec> list = new ArrayList<>();
        list.add(StationSpec.source("src", Optional.empty(), OnFull.BLOCK));
        for (int i = 1; i <= stations - 2; i++) {
            list.add(StationSpec.machine("m" + i, new Distribution.Constant(1.0)));
        }
        list.add(StationSpec.sink("out"));
        List<BufferSpec> buffers = new ArrayList<>();
        for (int i = 0; i < list.size() - 1; i++) {
            buffers.add(new BufferSpec(
                    "b" + (i + 1), list.get(i).id(), list.get(i + 1).id(), CAPACITY));
        }
        return LineSpec.builder("test:chain" + stations)
                .stations(list)
                .buffers(buffers)
                .layout(layout)
                .build();
    }
}
