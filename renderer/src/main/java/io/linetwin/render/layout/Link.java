package io.linetwin.render.layout;

import java.util.Objects;
import java.util.Optional;

/**
 * How a link of the line runs on the floor: its orthogonal {@code route} from the upstream station's face to the
 * downstream one's, what carries parts along it, and the rack beside it where the link's buffer keeps its parts.
 */
public record Link(String id, String from, String to, Type type, Polyline route, Optional<Footprint> rack) {

    /** What carries parts along a link. */
    public enum Type {
        /** A short powered roller transfer; the buffer's parts wait on the rack beside it. */
        TRANSFER,
        /** A conveyor of the scenario, drawn at its real length; its parts ride on it. */
        CONVEYOR,
        /** A move of the AGV fleet: a lane painted on the floor. */
        AGV
    }

    public Link {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(rack, "rack");
    }

    public Link withRack(Optional<Footprint> newRack) {
        return new Link(id, from, to, type, route, newRack);
    }
}
