package io.linetwin.app.emulate;

import java.util.List;

/**
 * Where the emulator's parameter changes (and the remaining-life estimates predictors write into the twin) come
 * from: the commands topic, or a test's list.
 */
@FunctionalInterface
public interface CommandSource {

    /** The changes accepted since the last call, oldest first; the emulator applies them at this chunk boundary. */
    List<ParameterChange> drain();

    /**
     * The remaining-life estimates received with the changes of the last {@link #drain()}; the emulator publishes
     * them at the same boundary.
     */
    default List<HealthEstimate> drainedEstimates() {
        return List.of();
    }

    /**
     * Every change drained so far took effect and its confirming event is on the events topic: the source may
     * answer the senders and forget the commands (commit their offsets).
     */
    default void applied() {}

    CommandSource NONE = List::of;
}
