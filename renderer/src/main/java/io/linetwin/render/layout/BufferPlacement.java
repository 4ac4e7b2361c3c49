package io.linetwin.render.layout;

import java.util.Objects;

/**
 * Where a buffer's rack stands: centred between the stations it joins, its length along the flow
 * ({@code angleDegrees} about the vertical axis, 0 = along +x), or {@code lengthMetres} 0 when the buffer is a
 * direct hand-over drawn as a plain link.
 */
public record BufferPlacement(String bufferId, Footprint rack, double angleDegrees, double lengthMetres) {

    public BufferPlacement {
        Objects.requireNonNull(bufferId, "bufferId");
        Objects.requireNonNull(rack, "rack");
        if (!(lengthMetres >= 0) || Double.isInfinite(lengthMetres)) {
            throw new IllegalArgumentException("rack length must be >= 0 metres, got " + lengthMetres);
        }
    }

    public boolean hasRack() {
        return lengthMetres > 0;
    }
}
