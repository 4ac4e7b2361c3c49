package io.linetwin.predict.health;

import java.util.List;

/**
 * Training kept producing NaN or infinite numbers after the bounded number of recoveries; nothing was trained.
 * The message is one line, fit for a command line.
 */
public final class TrainingDivergedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<TrainingRecovery> recoveries;

    public TrainingDivergedException(String message, List<TrainingRecovery> recoveries) {
        super(message);
        this.recoveries = List.copyOf(recoveries);
    }

    /** The recoveries tried before giving up, in order. */
    public List<TrainingRecovery> recoveries() {
        return recoveries;
    }
}
