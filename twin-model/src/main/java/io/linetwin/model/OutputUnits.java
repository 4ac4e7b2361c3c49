package io.linetwin.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The units a scenario's figures are counted in, resolved over its line: the line's output (per product), and
 * what each station's good parts are. A maker's unit is the one {@code output.stations} gives it; else the line's
 * unit when no assembly lies downstream of it (its parts are what leaves the line); else plain parts. A station
 * that is not a maker counts in the unit of the parts it is given ({@link UnitName#PART} when they are mixed).
 * This is the API for tables, JSON and the 3D HUD: {@code OutputUnits.of(scenario)}.
 */
public final class OutputUnits {

    private final OutputSpec output;
    private final Makers makers;
    private final Map<String, UnitName> byMaker;
    private final LineSpec line;

    private OutputUnits(LineSpec line, OutputSpec output) {
        this.line = line;
        this.output = output;
        this.makers = Makers.of(line);
        this.byMaker = new LinkedHashMap<>();
        for (String maker : makers.makers()) {
            UnitName declared = output.stations().get(maker);
            byMaker.put(maker, declared != null ? declared : assemblyDownstream(maker) ? UnitName.PART : output.unit());
        }
    }

    public static OutputUnits of(Scenario scenario) {
        return of(scenario.line(), scenario.output());
    }

    public static OutputUnits of(LineSpec line, OutputSpec output) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(output, "output");
        return new OutputUnits(line, output);
    }

    /** A good part leaving the line. */
    public UnitName line() {
        return output.unit();
    }

    /** A good part of {@code product} leaving the line. */
    public UnitName product(String product) {
        return output.byProduct().getOrDefault(product, output.unit());
    }

    /** True when every product leaves the line in the same unit, so one total throughput makes sense. */
    public boolean oneUnit() {
        return output.byProduct().values().stream().allMatch(output.unit()::equals);
    }

    /** What the good parts of station {@code stationId} are: its own unit for a maker, else its input's. */
    public UnitName station(String stationId) {
        return unitOf(makers.madeBy(stationId));
    }

    /** What the parts a maker (a release point or an assembly) makes are. */
    public UnitName maker(String makerId) {
        UnitName unit = byMaker.get(makerId);
        if (unit == null) {
            throw new IllegalArgumentException(
                    "maker must be a release point or an assembly of the line, got " + makerId);
        }
        return unit;
    }

    /** What the parts at block {@code blockId} (a station or a link) are. */
    public UnitName heldAt(String blockId) {
        return unitOf(makers.heldAt(line, blockId));
    }

    public Makers makers() {
        return makers;
    }

    /** {@code byMaker} summed per unit, in the order the units first appear among the makers. */
    public Map<UnitName, Double> perUnit(Map<String, Double> byMakerValues) {
        Map<UnitName, Double> sums = new LinkedHashMap<>();
        for (String maker : makers.makers()) {
            sums.merge(maker(maker), byMakerValues.getOrDefault(maker, 0.0), Double::sum);
        }
        return sums;
    }

    private UnitName unitOf(Set<String> makerIds) {
        Set<UnitName> units = new LinkedHashSet<>();
        makerIds.forEach(m -> units.add(byMaker.get(m)));
        return units.size() == 1 ? units.iterator().next() : UnitName.PART;
    }

    private boolean assemblyDownstream(String maker) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        line.outbound(maker).forEach(link -> todo.add(link.to()));
        while (!todo.isEmpty()) {
            String station = todo.pop();
            if (!seen.add(station)) {
                continue;
            }
            if (line.station(station).map(s -> s.kind() == StationKind.ASSEMBLY).orElse(false)) {
                return true;
            }
            line.outbound(station).forEach(link -> todo.add(link.to()));
        }
        return false;
    }
}
