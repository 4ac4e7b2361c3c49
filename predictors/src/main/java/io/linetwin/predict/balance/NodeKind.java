package io.linetwin.predict.balance;

import java.util.Locale;

/** What a node of the flow network is: the engine's balance kinds, a material store, or the line's boundary. */
public enum NodeKind {
    SOURCE,
    MACHINE,
    ASSEMBLY,
    BATCH,
    SINK,
    BUFFER,
    CONVEYOR,
    AGV,
    MATERIAL,
    LINE;

    /** The name used in the JSON and in the engine's part balance ({@code machine}, {@code agv}). */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
