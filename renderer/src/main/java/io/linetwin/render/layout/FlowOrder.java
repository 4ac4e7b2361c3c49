package io.linetwin.render.layout;

import io.linetwin.model.BufferSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.StationKind;
import io.linetwin.model.StationSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Stations in the order parts flow: each chain from a station with no inbound buffer (sources first, in
 * declaration order) followed downstream, then any station not reached, in declaration order. Neighbours in
 * this order are the ones a reader expects side by side.
 */
final class FlowOrder {

    private FlowOrder() {
    }

    static List<String> of(LineSpec line) {
        Set<String> order = new LinkedHashSet<>();
        List<StationSpec> heads = new ArrayList<>();
        line.stations().stream().filter(s -> s.kind() == StationKind.SOURCE).forEach(heads::add);
        line.stations().stream()
                .filter(s -> s.kind() != StationKind.SOURCE && line.inbound(s.id()).isEmpty())
                .forEach(heads::add);
        for (StationSpec head : heads) {
            follow(line, head.id(), order);
        }
        line.stations().forEach(s -> follow(line, s.id(), order));
        return List.copyOf(order);
    }

    private static void follow(LineSpec line, String start, Set<String> order) {
        String at = start;
        while (at != null && order.add(at)) {
            List<BufferSpec> out = line.outbound(at);
            at = out.isEmpty() ? null : out.get(0).to();
        }
    }
}
