package io.linetwin.app.health;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Turns one machine's twin events back into sensor rows. A line publishes its readings one property at a time
 * ({@code health/readings/temperature}, then {@code .../vibration}, ... with one timestamp) and only the values
 * that changed; a row is the machine's readings at one instant. It is complete when every sensor has reported at
 * that instant, or when a later event (a reading at another instant, a state change) shows that the rest did not
 * change: those keep their last values. A row before every sensor has reported once is incomplete and dropped.
 * Rows carry the machine's state at their instant, as the events told it.
 *
 * <p>Single-threaded: events must come in the order the line published them (one Kafka partition per Thing).
 */
final class ReadingRows {

    /** One complete row. */
    record Row(Instant at, double[] values, String state) {
        Row {
            Objects.requireNonNull(at, "at");
            values = values.clone();
        }
    }

    /** Receives rows and state changes in event order. */
    interface Listener {
        void row(Row row);

        void state(Instant at, String state);
    }

    private final List<String> sensors;
    private final Listener listener;
    private final double[] last;
    private final boolean[] reportedAtPending;
    private Instant pendingAt;
    private String state;

    ReadingRows(List<String> sensors, Listener listener) {
        if (sensors.isEmpty()) {
            throw new IllegalArgumentException("sensors must name >= 1 sensor, got none");
        }
        this.sensors = List.copyOf(sensors);
        this.listener = Objects.requireNonNull(listener, "listener");
        this.last = new double[sensors.size()];
        Arrays.fill(last, Double.NaN);
        this.reportedAtPending = new boolean[sensors.size()];
    }

    List<String> sensors() {
        return sensors;
    }

    /** A reading of {@code sensor}; sensors the rows do not use are ignored. */
    void reading(Instant at, String sensor, double value) {
        int index = sensors.indexOf(sensor);
        if (index < 0) {
            return;
        }
        if (pendingAt != null && !pendingAt.equals(at)) {
            flush();
        }
        pendingAt = at;
        last[index] = value;
        reportedAtPending[index] = true;
        for (boolean reported : reportedAtPending) {
            if (!reported) {
                return;
            }
        }
        flush();
    }

    /** The machine's overall state changed ({@code working}, {@code down}, ...). */
    void state(Instant at, String newState) {
        flush();
        state = newState;
        listener.state(at, newState);
    }

    /** The state as the events last told it, or null before any. */
    String state() {
        return state;
    }

    /** Hands over the row being assembled, if it can be completed. */
    void flush() {
        if (pendingAt == null) {
            return;
        }
        Instant at = pendingAt;
        pendingAt = null;
        Arrays.fill(reportedAtPending, false);
        for (double v : last) {
            if (Double.isNaN(v)) {
                return;
            }
        }
        listener.row(new Row(at, last, state));
    }
}
