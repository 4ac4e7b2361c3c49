package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import io.linetwin.render.layout.Footprint;
import io.linetwin.render.layout.MachineKind;

/**
 * Procedural equipment, one recognisable silhouette per {@link MachineKind}, in neutral greys so that colour
 * means state: every machine stands on a plinth whose light band shows its state, and carries a stack light
 * (the status lamp) lit in the same colour, with a health beacon beside it. Everything but the band stays
 * {@value #INSET} m inside the footprint, so the band shows as a ring from above.
 */
final class Equipment {

    static final String BAND = "band:";
    static final String LAMP = "lamp:";
    static final String HEALTH = "health:";
    static final double INSET = 0.3;
    private static final double PLINTH = 0.1;

    private final Palette palette;
    private final ColorRGBA body;
    private final ColorRGBA trim;
    private final ColorRGBA steel;
    private final ColorRGBA belt;

    private final int lampSides;

    /** {@code lampSides}: sides of the round parts of the status lamp (fewer on large lines). */
    Equipment(Palette palette, int lampSides) {
        this.palette = palette;
        this.lampSides = lampSides;
        body = palette.role(Palette.Role.BODY);
        trim = palette.role(Palette.Role.TRIM);
        steel = palette.role(Palette.Role.STEEL);
        belt = palette.role(Palette.Role.BELT);
    }

    /** Adds the station's equipment; returns where its status lamp's top is (local u, height, v). */
    double[] build(MeshKit kit, Footprint at, MachineKind kind, boolean hasState) {
        kit.frame(at.x(), at.z(), at.rotationDegrees()).owner(at.id());
        double hu = at.halfWidth();
        double hv = at.halfDepth();
        kit.glowing(hasState);
        kit.box(
                hasState ? BAND + at.id() : null,
                hasState ? palette.role(Palette.Role.UNKNOWN) : trim,
                0,
                PLINTH / 2,
                0,
                hu,
                PLINTH / 2,
                hv);
        kit.glowing(false);
        double iu = hu - INSET;
        double iv = hv - INSET;
        double top = switch (kind) {
            case SOURCE -> source(kit, iu, iv);
            case SINK -> sink(kit, iu, iv);
            case PALLETISER -> palletiser(kit, iu, iv);
            case PRESS -> press(kit, iu, iv);
            case ROTARY -> rotary(kit, iu, iv);
            case OVEN -> oven(kit, iu, iv);
            case INSPECTION -> inspection(kit, iu, iv);
            case WORKBENCH -> workbench(kit, iu, iv);
            case ROBOT_CELL -> robotCell(kit, iu, iv);
            case SMT -> smt(kit, iu, iv);
            case PACKER -> packer(kit, iu, iv);
            case GENERIC -> generic(kit, iu, iv);
        };
        double lu = iu - 0.2;
        double lv = -iv + 0.2;
        if (!hasState) {
            return new double[] {0, top, 0};
        }
        kit.box(null, steel, lu, top + 0.25, lv, 0.04, 0.25, 0.04);
        kit.glowing(true);
        kit.cylinder(
                LAMP + at.id(), palette.role(Palette.Role.UNKNOWN), lu, top + 0.72, lv, 0.2, 0.24, lampSides, false);
        kit.box(HEALTH + at.id(), palette.role(Palette.Role.LAMP_OFF), lu - 0.45, top + 0.14, lv, 0.14, 0.14, 0.14);
        kit.glowing(false);
        return new double[] {lu, top + 1.02, lv};
    }

    private double generic(MeshKit k, double iu, double iv) {
        k.box(null, trim, 0, PLINTH + 0.3, 0, iu, 0.3, iv);
        k.box(null, body, 0, PLINTH + 1.0, 0, iu, 0.4, iv);
        k.box(null, body, 0, PLINTH + 1.6, 0, iu * 0.85, 0.2, iv * 0.85);
        k.box(null, belt, iu * 0.1, PLINTH + 1.0, iv + 0.01, iu * 0.6, 0.22, 0.02);
        k.box(null, steel, -iu * 0.75, PLINTH + 1.1, iv + 0.06, 0.18, 0.25, 0.06);
        k.box(null, trim, 0, PLINTH + 1.82, 0, iu * 0.6, 0.02, iv * 0.6);
        return PLINTH + 1.84;
    }

    private double source(MeshKit k, double iu, double iv) {
        k.box(null, steel, 0, PLINTH + 0.35, 0, iu, 0.05, iv);
        for (double u : new double[] {-iu + 0.1, iu - 0.1}) {
            for (double v : new double[] {-iv + 0.1, iv - 0.1}) {
                k.box(null, steel, u, PLINTH + 0.15, v, 0.05, 0.15, 0.05);
            }
        }
        k.box(null, trim, 0, PLINTH + 0.47, 0, iu * 0.85, 0.07, iv * 0.85);
        for (int layer = 0; layer < 4; layer++) {
            k.box(null, layer % 2 == 0 ? body : steel, 0, PLINTH + 0.66 + layer * 0.3, 0, iu * 0.8, 0.14, iv * 0.8);
        }
        return PLINTH + 1.8;
    }

    private double sink(MeshKit k, double iu, double iv) {
        for (double u : new double[] {-iu, 0, iu}) {
            for (double v : new double[] {-iv, iv}) {
                k.box(null, steel, u, PLINTH + 1.3, v, 0.06, 1.3, 0.06);
            }
        }
        for (double y : new double[] {0.3, 1.3, 2.4}) {
            k.box(null, trim, 0, PLINTH + y, -iv, iu, 0.06, 0.06);
            k.box(null, trim, 0, PLINTH + y, iv, iu, 0.06, 0.06);
            for (double u : new double[] {-iu / 2, iu / 2}) {
                k.box(null, body, u, PLINTH + y + 0.4, 0, iu / 2 - 0.15, 0.34, iv - 0.15);
            }
        }
        return PLINTH + 2.6;
    }

    private double palletiser(MeshKit k, double iu, double iv) {
        for (double u : new double[] {-iu, iu}) {
            for (double v : new double[] {-iv, iv}) {
                k.box(null, steel, u, PLINTH + 1.4, v, 0.1, 1.4, 0.1);
            }
        }
        k.box(null, steel, 0, PLINTH + 2.8, -iv, iu, 0.1, 0.1);
        k.box(null, steel, 0, PLINTH + 2.8, iv, iu, 0.1, 0.1);
        k.box(null, trim, 0, PLINTH + 2.8, 0, 0.15, 0.12, iv);
        k.box(null, trim, 0, PLINTH + 2.2, 0, 0.1, 0.6, 0.1);
        k.box(null, trim, 0, PLINTH + 0.08, 0, iu * 0.6, 0.08, iv * 0.6);
        for (int layer = 0; layer < 5; layer++) {
            k.box(null, layer % 2 == 0 ? body : steel, 0, PLINTH + 0.28 + layer * 0.24, 0, iu * 0.55, 0.11, iv * 0.55);
        }
        return PLINTH + 2.9;
    }

    private double press(MeshKit k, double iu, double iv) {
        k.box(null, trim, 0, PLINTH + 0.45, 0, iu, 0.45, iv * 0.9);
        k.box(null, steel, 0, PLINTH + 0.95, 0, iu * 0.7, 0.05, iv * 0.7);
        for (double u : new double[] {-iu * 0.8, iu * 0.8}) {
            k.box(null, body, u, PLINTH + 2.2, 0, iu * 0.2, 1.3, iv * 0.75);
        }
        k.box(null, body, 0, PLINTH + 3.8, 0, iu, 0.3, iv * 0.85);
        k.box(null, steel, 0, PLINTH + 2.6, 0, iu * 0.55, 0.35, iv * 0.6);
        k.cylinder(null, steel, 0, PLINTH + 3.25, 0, 0.18, 0.3, 10, false);
        return PLINTH + 4.1;
    }

    private double rotary(MeshKit k, double iu, double iv) {
        double r = Math.min(iu, iv);
        k.box(null, trim, 0, PLINTH + 0.35, 0, iu, 0.35, iv);
        k.cylinder(null, body, 0, PLINTH + 1.1, 0, r * 0.88, 0.4, 24, false);
        k.cylinder(null, steel, 0, PLINTH + 1.6, 0, r * 0.55, 0.1, 24, false);
        k.cylinder(null, body, 0, PLINTH + 1.95, 0, r * 0.35, 0.25, 20, false);
        for (int i = 0; i < 8; i++) {
            double a = 2 * Math.PI * i / 8;
            k.cylinder(null, steel, Math.cos(a) * r * 0.8, PLINTH + 1.9, Math.sin(a) * r * 0.8, 0.05, 0.3, 6, false);
        }
        k.cylinder(null, steel, -iu + 0.25, PLINTH + 0.9, 0, 0.25, 0.05, 12, false);
        k.cylinder(null, steel, iu - 0.25, PLINTH + 0.9, 0, 0.25, 0.05, 12, false);
        return PLINTH + 2.2;
    }

    private double oven(MeshKit k, double iu, double iv) {
        k.box(null, body, 0, PLINTH + 0.75, 0, iu * 0.9, 0.6, iv);
        k.box(null, trim, 0, PLINTH + 1.45, 0, iu * 0.9, 0.1, iv * 0.9);
        for (int i = -2; i <= 2; i++) {
            k.box(null, steel, i * iu * 0.35, PLINTH + 1.0, iv + 0.02, iu * 0.12, 0.25, 0.02);
        }
        k.box(null, belt, 0, PLINTH + 0.6, 0, iu, 0.04, iv * 0.5);
        k.cylinder(null, steel, iu * 0.5, PLINTH + 1.9, 0, 0.15, 0.4, 10, false);
        k.cylinder(null, steel, -iu * 0.5, PLINTH + 1.9, 0, 0.15, 0.4, 10, false);
        return PLINTH + 2.3;
    }

    private double inspection(MeshKit k, double iu, double iv) {
        k.box(null, trim, 0, PLINTH + 0.4, 0, iu, 0.4, iv);
        k.box(null, belt, 0, PLINTH + 0.84, 0, iu, 0.04, iv * 0.5);
        for (double v : new double[] {-iv, iv}) {
            k.box(null, body, 0, PLINTH + 1.4, v, 0.12, 0.6, 0.1);
        }
        k.box(null, body, 0, PLINTH + 2.05, 0, 0.25, 0.12, iv);
        k.box(null, belt, 0, PLINTH + 1.8, 0, 0.15, 0.12, 0.15);
        k.box(null, steel, iu * 0.7, PLINTH + 1.2, iv * 0.6, 0.15, 0.35, 0.15);
        return PLINTH + 2.2;
    }

    private double workbench(MeshKit k, double iu, double iv) {
        k.box(null, body, 0, PLINTH + 0.88, -iv * 0.3, iu, 0.04, iv * 0.65);
        for (double u : new double[] {-iu + 0.05, iu - 0.05}) {
            for (double v : new double[] {-iv + 0.05, iv * 0.3}) {
                k.box(null, steel, u, PLINTH + 0.44, v, 0.04, 0.44, 0.04);
            }
        }
        k.box(null, trim, 0, PLINTH + 1.5, -iv + 0.03, iu, 0.55, 0.03);
        k.box(null, steel, iu * 0.3, PLINTH + 1.0, -iv * 0.3, 0.25, 0.08, 0.2);
        // The operator: legs, body and head.
        k.box(null, trim, 0, PLINTH + 0.45, iv * 0.55, 0.16, 0.45, 0.12);
        k.cylinder(null, trim, 0, PLINTH + 1.2, iv * 0.55, 0.2, 0.32, 10, false);
        k.box(null, body, 0, PLINTH + 1.68, iv * 0.55, 0.12, 0.13, 0.12);
        return PLINTH + 2.1;
    }

    private double robotCell(MeshKit k, double iu, double iv) {
        // Safety fence: posts and mesh panels, open at the infeed and outfeed.
        for (double u = -iu; u <= iu + 1e-9; u += iu / 2) {
            for (double v : new double[] {-iv, iv}) {
                k.box(null, steel, u, PLINTH + 1.0, v, 0.04, 1.0, 0.04);
            }
        }
        for (double v : new double[] {-iv, iv}) {
            k.box(null, belt, 0, PLINTH + 1.1, v, iu, 0.8, 0.01);
            k.box(null, steel, 0, PLINTH + 1.95, v, iu, 0.04, 0.04);
        }
        k.box(null, trim, 0, PLINTH + 0.45, 0, iu * 0.5, 0.45, iv * 0.35);
        k.box(null, body, 0, PLINTH + 1.1, 0, iu * 0.45, 0.2, iv * 0.3);
        for (double side : new double[] {-1, 1}) {
            double rv = side * iv * 0.62;
            k.cylinder(null, trim, -iu * 0.1, PLINTH + 0.3, rv, 0.32, 0.3, 14, false);
            k.cylinder(null, body, -iu * 0.1, PLINTH + 0.8, rv, 0.25, 0.2, 14, false);
            k.box(null, body, -iu * 0.1, PLINTH + 1.5, rv, 0.16, 0.55, 0.16, side * 20);
            k.box(null, body, iu * 0.12, PLINTH + 2.0, rv * 0.75, 0.55, 0.12, 0.12, side * 35);
            k.box(null, steel, iu * 0.35, PLINTH + 1.75, rv * 0.55, 0.08, 0.25, 0.08);
        }
        return PLINTH + 2.2;
    }

    private double smt(MeshKit k, double iu, double iv) {
        k.box(null, body, 0, PLINTH + 0.7, 0, iu, 0.6, iv);
        k.box(null, belt, 0, PLINTH + 1.32, 0, iu * 0.8, 0.02, iv * 0.7);
        k.box(null, trim, 0, PLINTH + 1.4, 0, iu * 0.9, 0.08, iv * 0.15);
        k.box(null, trim, 0, PLINTH + 0.5, iv + 0.08, iu * 0.9, 0.35, 0.12);
        k.box(null, steel, -iu, PLINTH + 0.95, 0, 0.05, 0.03, iv * 0.25);
        return PLINTH + 1.5;
    }

    private double packer(MeshKit k, double iu, double iv) {
        k.box(null, body, 0, PLINTH + 0.65, 0, iu, 0.65, iv);
        k.box(null, trim, 0, PLINTH + 1.3, 0, iu, 0.05, iv);
        k.box(null, belt, iu * 0.2, PLINTH + 0.8, iv + 0.01, iu * 0.6, 0.4, 0.01);
        k.box(null, steel, -iu * 0.55, PLINTH + 1.75, 0, iu * 0.35, 0.4, iv * 0.6);
        k.box(null, body, -iu * 0.55, PLINTH + 2.2, 0, iu * 0.3, 0.05, iv * 0.5);
        return PLINTH + 2.3;
    }
}
