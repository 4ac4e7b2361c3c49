package io.linetwin.loop;

import java.util.Objects;

/**
 * One parameter change: station {@code station}'s {@code parameter} from {@code from} (its value in the twin when
 * the change was planned) to {@code to}. The scenario path ({@code stations.filler.parameters.speed}) is the form a
 * variant's {@code set} uses.
 */
public record Change(String station, String parameter, double from, double to) {

    public Change {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(parameter, "parameter");
        if (station.isBlank() || parameter.isBlank()) {
            throw new IllegalArgumentException(
                    "station and parameter must not be blank, got '" + station + "', '" + parameter + "'");
        }
        if (!Double.isFinite(from) || !Double.isFinite(to)) {
            throw new IllegalArgumentException("change values must be finite, got " + from + " -> " + to);
        }
    }

    /** The scenario path of the parameter, as a variant's {@code set} writes it. */
    public String path() {
        return "stations." + station + ".parameters." + parameter;
    }

    /** {@code filler.speed 1.0→1.1}: short enough for a table. */
    public String describe() {
        return station + "." + parameter + " " + Numbers.plain(from) + "→" + Numbers.plain(to);
    }

    /** The same change the other way round (a rollback). */
    public Change reversed() {
        return new Change(station, parameter, to, from);
    }
}
