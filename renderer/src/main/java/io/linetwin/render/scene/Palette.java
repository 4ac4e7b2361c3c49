package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import io.linetwin.model.StationStatus;
import java.util.EnumMap;
import java.util.Map;

/**
 * The colours of the scene and whether they are lit. The standard palette is for people; the test palette is
 * unlit with far-apart pure colours, so a test can tell equipment apart by exact pixel colour.
 */
public final class Palette {

    private final boolean lit;
    private final Map<StationStatus, ColorRGBA> states;
    private final Map<Role, ColorRGBA> roles;

    /**
     * Colours that do not depend on a station's state. The neutral ones (greys of the floor, equipment and
     * labels) carry no meaning; every other one is explained by the legend.
     */
    public enum Role {
        BACKGROUND(true),
        FLOOR(true),
        GRID(true),
        AISLE(false),
        BODY(true),
        TRIM(true),
        STEEL(true),
        BELT(true),
        SHADOW(true),
        LABEL(true),
        PLATE(true),
        BOTTLENECK(false),
        FILL(false),
        PART(false),
        AGV(false),
        AGV_LANE(false),
        UNKNOWN(false),
        HEALTHY(false),
        AT_RISK(false),
        LAMP_OFF(true);

        private final boolean neutral;

        Role(boolean neutral) {
            this.neutral = neutral;
        }

        /** Whether the colour only draws shapes and needs no place in the legend. */
        public boolean neutral() {
            return neutral;
        }
    }

    private Palette(boolean lit, Map<StationStatus, ColorRGBA> states, Map<Role, ColorRGBA> roles) {
        if (states.size() != StationStatus.values().length || roles.size() != Role.values().length) {
            throw new IllegalArgumentException("a palette needs a colour for every state and role, got "
                    + states.keySet() + " and " + roles.keySet());
        }
        this.lit = lit;
        this.states = Map.copyOf(states);
        this.roles = Map.copyOf(roles);
    }

    public static Palette standard() {
        Map<StationStatus, ColorRGBA> s = new EnumMap<>(StationStatus.class);
        s.put(StationStatus.WORKING, new ColorRGBA(0.16f, 0.78f, 0.30f, 1));
        s.put(StationStatus.BLOCKED, new ColorRGBA(1.00f, 0.72f, 0.05f, 1));
        s.put(StationStatus.STARVED, new ColorRGBA(0.22f, 0.52f, 1.00f, 1));
        s.put(StationStatus.DOWN, new ColorRGBA(0.95f, 0.12f, 0.10f, 1));
        s.put(StationStatus.SETUP, new ColorRGBA(0.70f, 0.35f, 0.95f, 1));
        s.put(StationStatus.OFF_SHIFT, new ColorRGBA(0.30f, 0.30f, 0.36f, 1));
        Map<Role, ColorRGBA> r = new EnumMap<>(Role.class);
        r.put(Role.BACKGROUND, new ColorRGBA(0.80f, 0.84f, 0.88f, 1));
        r.put(Role.FLOOR, new ColorRGBA(0.60f, 0.61f, 0.60f, 1));
        r.put(Role.GRID, new ColorRGBA(0.56f, 0.57f, 0.56f, 1));
        r.put(Role.AISLE, new ColorRGBA(0.98f, 0.82f, 0.12f, 1));
        r.put(Role.BODY, new ColorRGBA(0.86f, 0.87f, 0.88f, 1));
        r.put(Role.TRIM, new ColorRGBA(0.24f, 0.27f, 0.31f, 1));
        r.put(Role.STEEL, new ColorRGBA(0.55f, 0.58f, 0.62f, 1));
        r.put(Role.BELT, new ColorRGBA(0.13f, 0.14f, 0.15f, 1));
        r.put(Role.SHADOW, new ColorRGBA(0, 0, 0, 0.45f));
        r.put(Role.LABEL, new ColorRGBA(0.08f, 0.09f, 0.12f, 1));
        r.put(Role.PLATE, new ColorRGBA(1, 1, 1, 1));
        r.put(Role.BOTTLENECK, new ColorRGBA(0.93f, 0.35f, 0.05f, 1));
        r.put(Role.FILL, new ColorRGBA(0.78f, 0.60f, 0.38f, 1));
        r.put(Role.PART, new ColorRGBA(0.25f, 0.85f, 0.90f, 1));
        r.put(Role.AGV, new ColorRGBA(0.98f, 0.55f, 0.10f, 1));
        r.put(Role.AGV_LANE, new ColorRGBA(0.10f, 0.45f, 0.50f, 1));
        r.put(Role.UNKNOWN, new ColorRGBA(0.70f, 0.70f, 0.72f, 1));
        r.put(Role.HEALTHY, new ColorRGBA(0.15f, 0.80f, 0.25f, 1));
        r.put(Role.AT_RISK, new ColorRGBA(0.95f, 0.10f, 0.10f, 1));
        r.put(Role.LAMP_OFF, new ColorRGBA(0.40f, 0.42f, 0.45f, 1));
        return new Palette(true, s, r);
    }

    /** Unlit, channel values 0, 0.25, 0.5, 0.75 or 1 only, all different; see {@link #matches}. */
    public static Palette test() {
        Map<StationStatus, ColorRGBA> s = new EnumMap<>(StationStatus.class);
        s.put(StationStatus.WORKING, new ColorRGBA(0, 1, 0, 1));
        s.put(StationStatus.BLOCKED, new ColorRGBA(1, 1, 0, 1));
        s.put(StationStatus.STARVED, new ColorRGBA(0, 0, 1, 1));
        s.put(StationStatus.DOWN, new ColorRGBA(1, 0, 0, 1));
        s.put(StationStatus.SETUP, new ColorRGBA(1, 0, 1, 1));
        s.put(StationStatus.OFF_SHIFT, new ColorRGBA(1, 0.5f, 0, 1));
        Map<Role, ColorRGBA> r = new EnumMap<>(Role.class);
        r.put(Role.BACKGROUND, new ColorRGBA(0, 0, 0, 1));
        r.put(Role.FLOOR, new ColorRGBA(0.25f, 0.25f, 0.25f, 1));
        r.put(Role.GRID, new ColorRGBA(0.25f, 0.25f, 0.5f, 1));
        r.put(Role.AISLE, new ColorRGBA(0.75f, 0.75f, 0, 1));
        r.put(Role.BODY, new ColorRGBA(0.5f, 0.5f, 0.5f, 1));
        r.put(Role.TRIM, new ColorRGBA(0.25f, 0.5f, 0.5f, 1));
        r.put(Role.STEEL, new ColorRGBA(0.5f, 0.5f, 0.75f, 1));
        r.put(Role.BELT, new ColorRGBA(0.5f, 0.25f, 0.5f, 1));
        r.put(Role.SHADOW, new ColorRGBA(0, 0, 0, 0));
        r.put(Role.LABEL, new ColorRGBA(0, 0, 0.25f, 1));
        r.put(Role.PLATE, new ColorRGBA(1, 1, 1, 1));
        r.put(Role.BOTTLENECK, new ColorRGBA(1, 0.25f, 0, 1));
        r.put(Role.FILL, new ColorRGBA(0, 1, 1, 1));
        r.put(Role.PART, new ColorRGBA(0.75f, 1, 0.25f, 1));
        r.put(Role.AGV, new ColorRGBA(1, 0.25f, 0.5f, 1));
        r.put(Role.AGV_LANE, new ColorRGBA(0, 0.5f, 0.5f, 1));
        r.put(Role.UNKNOWN, new ColorRGBA(0.75f, 0.75f, 0.75f, 1));
        r.put(Role.HEALTHY, new ColorRGBA(0, 0.75f, 0.25f, 1));
        r.put(Role.AT_RISK, new ColorRGBA(0.75f, 0, 0.25f, 1));
        r.put(Role.LAMP_OFF, new ColorRGBA(0.25f, 0.25f, 0, 1));
        return new Palette(false, s, r);
    }

    public boolean lit() {
        return lit;
    }

    public ColorRGBA state(StationStatus state) {
        return states.get(state).clone();
    }

    public ColorRGBA role(Role role) {
        return roles.get(role).clone();
    }

    /** The health lamp's colour for a failure risk in [0, 1]. */
    public ColorRGBA health(double risk) {
        ColorRGBA c = new ColorRGBA();
        c.interpolateLocal(roles.get(Role.HEALTHY), roles.get(Role.AT_RISK), (float) risk);
        return c;
    }

    /** Whether an 8-bit sRGB pixel shows {@code colour}, within rounding by the rasteriser. */
    public static boolean matches(int rgb, ColorRGBA colour) {
        return near((rgb >> 16) & 0xff, colour.r) && near((rgb >> 8) & 0xff, colour.g) && near(rgb & 0xff, colour.b);
    }

    private static boolean near(int channel, float value) {
        return Math.abs(channel - value * 255) <= 6;
    }
}
