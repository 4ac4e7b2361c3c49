package io.linetwin.render.scene;

import com.jme3.math.ColorRGBA;
import io.linetwin.render.StationVisualState;
import java.util.EnumMap;
import java.util.Map;

/**
 * The colours of the scene and whether they are lit. The standard palette is for people; the test palette is
 * unlit with far-apart pure colours, so a test can tell equipment apart by exact pixel colour.
 */
public final class Palette {

    private final boolean lit;
    private final Map<StationVisualState, ColorRGBA> states;
    private final Map<Role, ColorRGBA> roles;

    /** Colours that do not depend on a station's state. */
    public enum Role { BACKGROUND, FLOOR, LINK, RACK, FILL, LABEL, SOURCE, SINK, UNKNOWN, HEALTHY, AT_RISK, PART, AGV }

    private Palette(boolean lit, Map<StationVisualState, ColorRGBA> states, Map<Role, ColorRGBA> roles) {
        if (states.size() != StationVisualState.values().length || roles.size() != Role.values().length) {
            throw new IllegalArgumentException("a palette needs a colour for every state and role, got "
                    + states.keySet() + " and " + roles.keySet());
        }
        this.lit = lit;
        this.states = Map.copyOf(states);
        this.roles = Map.copyOf(roles);
    }

    public static Palette standard() {
        Map<StationVisualState, ColorRGBA> s = new EnumMap<>(StationVisualState.class);
        s.put(StationVisualState.WORKING, new ColorRGBA(0.20f, 0.72f, 0.32f, 1));
        s.put(StationVisualState.BLOCKED, new ColorRGBA(0.96f, 0.70f, 0.10f, 1));
        s.put(StationVisualState.STARVED, new ColorRGBA(0.30f, 0.55f, 0.95f, 1));
        s.put(StationVisualState.DOWN, new ColorRGBA(0.90f, 0.14f, 0.12f, 1));
        s.put(StationVisualState.SETUP, new ColorRGBA(0.62f, 0.36f, 0.86f, 1));
        s.put(StationVisualState.OFF_SHIFT, new ColorRGBA(0.36f, 0.36f, 0.42f, 1));
        Map<Role, ColorRGBA> r = new EnumMap<>(Role.class);
        r.put(Role.BACKGROUND, new ColorRGBA(0.90f, 0.93f, 0.96f, 1));
        r.put(Role.FLOOR, new ColorRGBA(0.78f, 0.79f, 0.80f, 1));
        r.put(Role.LINK, new ColorRGBA(0.45f, 0.47f, 0.50f, 1));
        r.put(Role.RACK, new ColorRGBA(0.30f, 0.33f, 0.37f, 1));
        r.put(Role.FILL, new ColorRGBA(0.10f, 0.62f, 0.90f, 1));
        r.put(Role.LABEL, new ColorRGBA(0.08f, 0.09f, 0.12f, 1));
        r.put(Role.SOURCE, new ColorRGBA(0.25f, 0.58f, 0.62f, 1));
        r.put(Role.SINK, new ColorRGBA(0.45f, 0.45f, 0.56f, 1));
        r.put(Role.UNKNOWN, new ColorRGBA(0.70f, 0.70f, 0.72f, 1));
        r.put(Role.HEALTHY, new ColorRGBA(0.15f, 0.80f, 0.25f, 1));
        r.put(Role.AT_RISK, new ColorRGBA(0.95f, 0.10f, 0.10f, 1));
        r.put(Role.PART, new ColorRGBA(0.97f, 0.97f, 0.92f, 1));
        r.put(Role.AGV, new ColorRGBA(0.10f, 0.10f, 0.12f, 1));
        return new Palette(true, s, r);
    }

    /** Unlit, channel values 0, 0.25, 0.5, 0.75 or 1 only; see {@link #matches}. */
    public static Palette test() {
        Map<StationVisualState, ColorRGBA> s = new EnumMap<>(StationVisualState.class);
        s.put(StationVisualState.WORKING, new ColorRGBA(0, 1, 0, 1));
        s.put(StationVisualState.BLOCKED, new ColorRGBA(1, 1, 0, 1));
        s.put(StationVisualState.STARVED, new ColorRGBA(0, 0, 1, 1));
        s.put(StationVisualState.DOWN, new ColorRGBA(1, 0, 0, 1));
        s.put(StationVisualState.SETUP, new ColorRGBA(1, 0, 1, 1));
        s.put(StationVisualState.OFF_SHIFT, new ColorRGBA(1, 0.5f, 0, 1));
        Map<Role, ColorRGBA> r = new EnumMap<>(Role.class);
        r.put(Role.BACKGROUND, new ColorRGBA(0, 0, 0, 1));
        r.put(Role.FLOOR, new ColorRGBA(0.25f, 0.25f, 0.25f, 1));
        r.put(Role.LINK, new ColorRGBA(0.5f, 0.5f, 0.5f, 1));
        r.put(Role.RACK, new ColorRGBA(0.5f, 0.25f, 0, 1));
        r.put(Role.FILL, new ColorRGBA(0, 1, 1, 1));
        r.put(Role.LABEL, new ColorRGBA(1, 1, 1, 1));
        r.put(Role.SOURCE, new ColorRGBA(0.5f, 0, 0.25f, 1));
        r.put(Role.SINK, new ColorRGBA(0.25f, 0, 0.5f, 1));
        r.put(Role.UNKNOWN, new ColorRGBA(0.75f, 0.75f, 0.75f, 1));
        r.put(Role.HEALTHY, new ColorRGBA(0, 0.25f, 0.75f, 1));
        r.put(Role.AT_RISK, new ColorRGBA(0, 0.25f, 0.75f, 1));
        r.put(Role.PART, new ColorRGBA(0.75f, 1, 0.25f, 1));
        r.put(Role.AGV, new ColorRGBA(1, 0.25f, 0.5f, 1));
        return new Palette(false, s, r);
    }

    public boolean lit() {
        return lit;
    }

    public ColorRGBA state(StationVisualState state) {
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
