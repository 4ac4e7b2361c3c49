package io.linetwin.twin;

import io.linetwin.model.StationStatus;
import java.util.Set;

/** Feature ids, property keys and attribute keys of equipment Things, named once. */
public final class TwinFeatures {
    public static final String STATUS = "status";
    public static final String COUNTERS = "counters";
    public static final String BUFFER = "buffer";
    public static final String PARAMETERS = "parameters";
    public static final String HEALTH = "health";
    public static final String STOCK = "stock";

    public static final String ATTR_KIND = "kind";
    public static final String ATTR_LINE = "line";
    public static final String ATTR_CAPACITY = "capacity";
    public static final String ATTR_LIMITS = "limits";
    public static final String ATTR_SENSORS = "sensors";

    public static final String STATE = "state";
    public static final String PRODUCT = "product";
    public static final String SINCE = "since";
    public static final String REMAINING_SECONDS = "remainingSeconds";
    public static final String HELD_PRODUCT = "heldProduct";
    public static final String FAILURE = "failure";
    public static final String GOOD = "good";
    public static final String SCRAP = "scrap";
    public static final String LEVELS = "levels";
    public static final String SPEED = "speed";
    public static final String SETPOINTS = "setpoints";
    public static final String READINGS = "readings";
    public static final String RUL = "rul";
    public static final String RUL_SECONDS = "seconds";
    public static final String RUL_AT = "at";
    public static final String LEVEL = "level";

    public static final String UNLIMITED = "unlimited";
    /**
     * The key of the parts of a line without {@code products} in {@code buffer.levels}: the engine's anonymous
     * product is {@code ""}, which is no JSON key. Reserved: no product may be named so.
     */
    public static final String ANONYMOUS_PRODUCT = "(part)";

    /** The engine's states; the twin accepts no other value of {@code status.state}. */
    public static final Set<String> STATES = Set.copyOf(StationStatus.jsonNames());

    private TwinFeatures() {}
}
