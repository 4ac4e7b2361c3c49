package io.linetwin.predict.balance;

import java.util.Locale;

/** Why a constraint of the flow network holds. */
public enum ConstraintKind {
    /** A node's conservation for one product: stock at start + in - out - scrapped - assembled - stock at end = 0. */
    BALANCE,
    /** A node's total stream is the sum of its per-product streams (or a material's of its per-station ones). */
    TOTAL,
    /** A station's good parts out equal the parts entering its outbound links. */
    OUTFLOW,
    /** A station's parts in equal the parts leaving its inbound links. */
    INFLOW,
    /** Material consumed at a station = units per operation x operations (a bill-of-materials factor). */
    BOM,
    /** The line boundary: released or finished parts are the sum over the stations where they enter or leave. */
    BOUNDARY;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
