package io.linetwin.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which stations make the parts found where. A part is made where it enters the line (a source, or a machine
 * without inbound link: a release point) and made anew at each assembly it passes as the base of a kit; other
 * machines pass on what they were given. Derived from the links alone, so rework loops and merges are fine: a
 * block fed by several makers lists them all.
 */
public final class Makers {

    private final List<String> makers;
    private final Map<String, Set<String>> madeBy;

    private Makers(List<String> makers, Map<String, Set<String>> madeBy) {
        this.makers = List.copyOf(makers);
        this.madeBy = madeBy;
    }

    public static Makers of(LineSpec line) {
        List<String> makers = new ArrayList<>();
        Map<String, Set<String>> madeBy = new LinkedHashMap<>();
        for (StationSpec station : line.stations()) {
            Set<String> own = new LinkedHashSet<>();
            if (isMaker(line, station)) {
                makers.add(station.id());
                own.add(station.id());
            }
            madeBy.put(station.id(), own);
        }
        // Propagate along the links until nothing changes: at most one round per station on any path.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (StationSpec station : line.stations()) {
                if (makers.contains(station.id())) {
                    continue;
                }
                Set<String> set = madeBy.get(station.id());
                for (BufferSpec link : line.inbound(station.id())) {
                    changed |= set.addAll(madeBy.get(link.from()));
                }
            }
        }
        return new Makers(makers, madeBy);
    }

    private static boolean isMaker(LineSpec line, StationSpec station) {
        return switch (station.kind()) {
            case SOURCE, ASSEMBLY -> true;
            case MACHINE -> line.inbound(station.id()).isEmpty();
            case SINK, BATCH -> false;
        };
    }

    /** The release points and assemblies, in declaration order. */
    public List<String> makers() {
        return makers;
    }

    /** The makers of the parts that station {@code stationId} passes on (itself, for a maker). */
    public Set<String> madeBy(String stationId) {
        Set<String> set = madeBy.get(stationId);
        if (set == null) {
            throw new IllegalArgumentException("station must be one of the line's, got " + stationId);
        }
        return Set.copyOf(set);
    }

    /**
     * The makers of the parts held at block {@code blockId}: a station's (an assembly holds what it makes), or a
     * link's (what its upstream station passes on); empty for an unknown block.
     */
    public Set<String> heldAt(LineSpec line, String blockId) {
        if (madeBy.containsKey(blockId)) {
            return madeBy(blockId);
        }
        return line.buffer(blockId).map(link -> madeBy(link.from())).orElse(Set.of());
    }
}
