package io.linetwin.predict.health;

/**
 * How a model is trained; saved with the model.
 *
 * @param window             time steps per input window
 * @param rulCap             training labels are capped at this many cycles
 * @param maxEpochs          upper bound on epochs per ensemble member
 * @param patience           epochs without validation improvement before stopping (the learning rate halves
 *                           after half of them)
 * @param batchSize          windows per gradient step
 * @param learningRate       initial Adam learning rate
 * @param validationFraction share of training units held out for early stopping, split by unit
 * @param ensembleSize       members trained on different seeds and unit splits; their spread is the uncertainty
 * @param seed               base seed for engine, shuffling and splits
 * @param smoothing          causal exponential smoothing weight of the inputs (1 = none), see
 *                           {@link Preprocessing#smoothing()}
 * @param windowsPerEpoch    windows drawn (without replacement) per epoch, 0 for all: bounds the epoch time on
 *                           the large multi-condition sets so early stopping checks often enough
 * @param ageInput           whether the unit's age is an input besides the sensors, see
 *                           {@link Preprocessing#ageScale()}
 * @param baselineCycles     0 for none, else per-unit baseline normalisation over the unit's first this many
 *                           cycles, see {@link Preprocessing#baselineCycles()}
 * @param baselineKeepAbsolute with a baseline, whether the absolute sensors stay inputs too
 * @param huberDelta         0 for the squared-error loss; else Huber loss with this threshold in capped-RUL units
 *                           (labels are RUL / cap)
 * @param secondsPerCycle    0 when every row is one cycle (C-MAPSS: the label of a row is the rows left); else the
 *                           time column is in seconds (operating time) and a cycle is this many seconds: the label
 *                           is the time left to the unit's last row in cycles, so irregular rows (readings taken
 *                           only while a machine works, a plant historian's gaps) are labelled by time, not by
 *                           count. The cap, the window's meaning and the predictions are in these cycles.
 */
public record TrainingSettings(
        int window,
        int rulCap,
        int maxEpochs,
        int patience,
        int batchSize,
        double learningRate,
        double validationFraction,
        int ensembleSize,
        long seed,
        double smoothing,
        int windowsPerEpoch,
        boolean ageInput,
        int baselineCycles,
        boolean baselineKeepAbsolute,
        double huberDelta,
        double secondsPerCycle) {

    public TrainingSettings {
        require(window >= 1, "window must be >= 1, got " + window);
        require(rulCap >= 1, "rulCap must be >= 1, got " + rulCap);
        require(maxEpochs >= 1, "maxEpochs must be >= 1, got " + maxEpochs);
        require(patience >= 1, "patience must be >= 1, got " + patience);
        require(batchSize >= 1, "batchSize must be >= 1, got " + batchSize);
        require(learningRate > 0 && learningRate < 1, "learningRate must be in (0, 1), got " + learningRate);
        require(
                validationFraction > 0 && validationFraction < 1,
                "validationFraction must be in (0, 1), got " + validationFraction);
        require(ensembleSize >= 1, "ensembleSize must be >= 1, got " + ensembleSize);
        require(smoothing > 0 && smoothing <= 1, "smoothing must be in (0, 1], got " + smoothing);
        require(windowsPerEpoch >= 0, "windowsPerEpoch must be >= 0, got " + windowsPerEpoch);
        require(baselineCycles >= 0, "baselineCycles must be >= 0, got " + baselineCycles);
        require(
                huberDelta >= 0 && !Double.isInfinite(huberDelta),
                "huberDelta must be finite and >= 0, got " + huberDelta);
        require(
                secondsPerCycle >= 0 && !Double.isInfinite(secondsPerCycle),
                "secondsPerCycle must be finite and >= 0 (0 = one row per cycle), got " + secondsPerCycle);
    }

    /** The settings the health commands train with unless told otherwise. */
    public static TrainingSettings defaults() {
        return builder().build();
    }

    /** A builder holding {@link #defaults()}, to change some of them. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return toBuilder().maxEpochs(epochs).build();
    }

    public TrainingSettings withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    public TrainingSettings withEnsembleSize(int members) {
        return toBuilder().ensembleSize(members).build();
    }

    public TrainingSettings withPatience(int epochs) {
        return toBuilder().patience(epochs).build();
    }

    public TrainingSettings withSmoothing(double alpha) {
        return toBuilder().smoothing(alpha).build();
    }

    public TrainingSettings withBatch(int size, double rate) {
        return toBuilder().batchSize(size).learningRate(rate).build();
    }

    public TrainingSettings withWindowsPerEpoch(int windows) {
        return toBuilder().windowsPerEpoch(windows).build();
    }

    public TrainingSettings withAgeInput(boolean age) {
        return toBuilder().ageInput(age).build();
    }

    public TrainingSettings withBaseline(int cycles, boolean keepAbsolute) {
        return toBuilder()
                .baselineCycles(cycles)
                .baselineKeepAbsolute(keepAbsolute)
                .build();
    }

    public TrainingSettings withHuberDelta(double delta) {
        return toBuilder().huberDelta(delta).build();
    }

    /** Training labels are capped at {@code cap} cycles (the C-MAPSS convention is 125). */
    public TrainingSettings withRulCap(int cap) {
        return toBuilder().rulCap(cap).build();
    }

    /** Window length in rows. */
    public TrainingSettings withWindow(int rows) {
        return toBuilder().window(rows).build();
    }

    /** Labels by time: the time column is in seconds and a cycle lasts {@code seconds}; 0 = one row per cycle. */
    public TrainingSettings withSecondsPerCycle(double seconds) {
        return toBuilder().secondsPerCycle(seconds).build();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Collects settings; {@link #build()} checks them all at once, as the record's constructor does. */
    public static final class Builder {

        private int window = RulProtocol.DEFAULT_WINDOW;
        private int rulCap = RulProtocol.DEFAULT_RUL_CAP;
        private int maxEpochs = 40;
        private int patience = 8;
        private int batchSize = 128;
        private double learningRate = 1e-3;
        private double validationFraction = 0.2;
        private int ensembleSize = 3;
        private long seed = 42;
        private double smoothing = 0.1;
        private int windowsPerEpoch;
        private boolean ageInput;
        private int baselineCycles;
        private boolean baselineKeepAbsolute;
        private double huberDelta;
        private double secondsPerCycle;

        private Builder() {}

        private Builder(TrainingSettings settings) {
            window = settings.window;
            rulCap = settings.rulCap;
            maxEpochs = settings.maxEpochs;
            patience = settings.patience;
            batchSize = settings.batchSize;
            learningRate = settings.learningRate;
            validationFraction = settings.validationFraction;
            ensembleSize = settings.ensembleSize;
            seed = settings.seed;
            smoothing = settings.smoothing;
            windowsPerEpoch = settings.windowsPerEpoch;
            ageInput = settings.ageInput;
            baselineCycles = settings.baselineCycles;
            baselineKeepAbsolute = settings.baselineKeepAbsolute;
            huberDelta = settings.huberDelta;
            secondsPerCycle = settings.secondsPerCycle;
        }

        public Builder window(int value) {
            window = value;
            return this;
        }

        public Builder rulCap(int value) {
            rulCap = value;
            return this;
        }

        public Builder maxEpochs(int value) {
            maxEpochs = value;
            return this;
        }

        public Builder patience(int value) {
            patience = value;
            return this;
        }

        public Builder batchSize(int value) {
            batchSize = value;
            return this;
        }

        public Builder learningRate(double value) {
            learningRate = value;
            return this;
        }

        public Builder validationFraction(double value) {
            validationFraction = value;
            return this;
        }

        public Builder ensembleSize(int value) {
            ensembleSize = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder smoothing(double value) {
            smoothing = value;
            return this;
        }

        public Builder windowsPerEpoch(int value) {
            windowsPerEpoch = value;
            return this;
        }

        public Builder ageInput(boolean value) {
            ageInput = value;
            return this;
        }

        public Builder baselineCycles(int value) {
            baselineCycles = value;
            return this;
        }

        public Builder baselineKeepAbsolute(boolean value) {
            baselineKeepAbsolute = value;
            return this;
        }

        public Builder huberDelta(double value) {
            huberDelta = value;
            return this;
        }

        public Builder secondsPerCycle(double value) {
            secondsPerCycle = value;
            return this;
        }

        public TrainingSettings build() {
            return new TrainingSettings(
                    window,
                    rulCap,
                    maxEpochs,
                    patience,
                    batchSize,
                    learningRate,
                    validationFraction,
                    ensembleSize,
                    seed,
                    smoothing,
                    windowsPerEpoch,
                    ageInput,
                    baselineCycles,
                    baselineKeepAbsolute,
                    huberDelta,
                    secondsPerCycle);
        }
    }
}
