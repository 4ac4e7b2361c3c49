package io.linetwin.model;

/** Where a station stands on the floor (metres) and its rotation (degrees about the vertical axis). */
public record LayoutSpec(double xMetres, double zMetres, double rotationDegrees) {
    public LayoutSpec {
        Checks.finite("layout x", xMetres);
        Checks.finite("layout z", zMetres);
        Checks.finite("layout rotation", rotationDegrees);
    }
}
