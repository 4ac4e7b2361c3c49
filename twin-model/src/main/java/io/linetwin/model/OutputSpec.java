package io.linetwin.model;

import java.util.Map;
import java.util.Objects;

/**
 * What a scenario's output is counted in ({@code output} in the scenario file): {@code unit} is a good part
 * leaving the line; {@code byProduct} names products counted in a unit of their own; {@code stations} names
 * what a release point (a source, or a machine without inbound link) or an assembly makes when that is not
 * {@code unit} (bottles filled, cases packed, before the palletiser makes pallets). See {@link OutputUnits}.
 */
public record OutputSpec(UnitName unit, Map<String, UnitName> byProduct, Map<String, UnitName> stations) {

    /** A scenario that names no unit: everything is counted in parts. */
    public static final OutputSpec PARTS = new OutputSpec(UnitName.PART, Map.of(), Map.of());

    public OutputSpec {
        Objects.requireNonNull(unit, "unit");
        byProduct = Checks.orderedCopy(byProduct);
        stations = Checks.orderedCopy(stations);
    }
}
