package io.linetwin.predict.health;

import java.util.Locale;
import java.util.Objects;

/**
 * One time training saw a NaN or infinite loss or validation score and went back to the last good weights with a
 * lower learning rate.
 *
 * @param member             ensemble member, from 1
 * @param epoch              epoch in which it happened, from 1
 * @param batch              batch of that epoch whose loss was not finite, from 1; 0 when the validation score was
 * @param signal             what was not finite
 * @param value              the value seen: NaN or an infinity
 * @param restoredEpoch      the epoch whose end weights were restored; 0 for the initial weights
 * @param learningRateBefore learning rate when it happened
 * @param learningRateAfter  learning rate the member went on with
 */
public record TrainingRecovery(
        int member,
        int epoch,
        int batch,
        Signal signal,
        double value,
        int restoredEpoch,
        double learningRateBefore,
        double learningRateAfter) {

    /** Where the non-finite number showed up. */
    public enum Signal {
        TRAINING_LOSS("training loss"),
        VALIDATION_RMSE("validation RMSE");

        private final String text;

        Signal(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    public TrainingRecovery {
        Objects.requireNonNull(signal, "signal");
        if (member < 1 || epoch < 1) {
            throw new IllegalArgumentException("member and epoch must be >= 1, got " + member + " and " + epoch);
        }
        if (batch < 0 || (batch == 0) != (signal == Signal.VALIDATION_RMSE)) {
            throw new IllegalArgumentException("batch must be >= 1 for a training loss and 0 for a validation score, "
                    + "got " + batch + " for " + signal);
        }
        if (Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be NaN or infinite, got " + value);
        }
        if (restoredEpoch < 0 || restoredEpoch >= epoch) {
            throw new IllegalArgumentException("restoredEpoch must be in [0, " + epoch + "), got " + restoredEpoch);
        }
        if (!(learningRateAfter > 0) || !(learningRateAfter < learningRateBefore)) {
            throw new IllegalArgumentException(
                    "learningRateAfter must be in (0, " + learningRateBefore + "), got " + learningRateAfter);
        }
    }

    /** Where it happened, for one-line messages: "epoch 3 batch 17 training loss NaN". */
    public String where() {
        return "epoch " + epoch + (batch > 0 ? " batch " + batch : "") + " " + signal + " " + value;
    }

    /** What was done about it, for progress lines. */
    public String describe() {
        return String.format(
                Locale.ROOT,
                "%s; restored the %s, learning rate %.2e -> %.2e",
                where(),
                restoredEpoch == 0 ? "initial weights" : "weights after epoch " + restoredEpoch,
                learningRateBefore,
                learningRateAfter);
    }
}
