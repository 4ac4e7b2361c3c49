package io.linetwin.predict.balance;

import java.util.Locale;

/** What the measurements and the constraints together say about one stream. */
public enum StreamClass {
    /** Measured, and the constraints determine it from the other measurements too: it is adjusted and tested. */
    REDUNDANT,
    /** Measured, but nothing else determines it: its value stands as measured and cannot be checked. */
    JUST_MEASURED,
    /** Measured with sd 0: kept as it is. */
    EXACT,
    /** Unmeasured, determined by the constraints from the measurements: estimated, with an sd. */
    OBSERVABLE,
    /** Unmeasured and not determined by the measurements: no value is given. */
    UNOBSERVABLE;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
