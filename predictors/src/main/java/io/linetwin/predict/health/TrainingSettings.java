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

    /** Rows are cycles (the C-MAPSS convention). */
    public TrainingSettings(
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
            double huberDelta) {
        this(
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
                0);
    }

    /** Without baseline normalisation, squared-error loss. */
    public TrainingSettings(
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
            boolean ageInput) {
        this(
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
                0,
                false,
                0);
    }

    public static TrainingSettings defaults() {
        return new TrainingSettings(
                RulProtocol.DEFAULT_WINDOW, RulProtocol.DEFAULT_RUL_CAP, 40, 8, 128, 1e-3, 0.2, 3, 42, 0.1, 0, false);
    }

    public TrainingSettings withMaxEpochs(int epochs) {
        return new TrainingSettings(
                window,
                rulCap,
                epochs,
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

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(
                window,
                rulCap,
                maxEpochs,
                patience,
                batchSize,
                learningRate,
                validationFraction,
                ensembleSize,
                newSeed,
                smoothing,
                windowsPerEpoch,
                ageInput,
                baselineCycles,
                baselineKeepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withEnsembleSize(int members) {
        return new TrainingSettings(
                window,
                rulCap,
                maxEpochs,
                patience,
                batchSize,
                learningRate,
                validationFraction,
                members,
                seed,
                smoothing,
                windowsPerEpoch,
                ageInput,
                baselineCycles,
                baselineKeepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withPatience(int epochs) {
        return new TrainingSettings(
                window,
                rulCap,
                maxEpochs,
                epochs,
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

    public TrainingSettings withSmoothing(double alpha) {
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
                alpha,
                windowsPerEpoch,
                ageInput,
                baselineCycles,
                baselineKeepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withBatch(int size, double rate) {
        return new TrainingSettings(
                window,
                rulCap,
                maxEpochs,
                patience,
                size,
                rate,
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

    public TrainingSettings withWindowsPerEpoch(int windows) {
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
                windows,
                ageInput,
                baselineCycles,
                baselineKeepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withAgeInput(boolean age) {
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
                age,
                baselineCycles,
                baselineKeepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withBaseline(int cycles, boolean keepAbsolute) {
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
                cycles,
                keepAbsolute,
                huberDelta,
                secondsPerCycle);
    }

    public TrainingSettings withHuberDelta(double delta) {
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
                delta,
                secondsPerCycle);
    }

    /** Training labels are capped at {@code cap} cycles (the C-MAPSS convention is 125). */
    public TrainingSettings withRulCap(int cap) {
        return new TrainingSettings(
                window,
                cap,
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

    /** Window length in rows. */
    public TrainingSettings withWindow(int rows) {
        return new TrainingSettings(
                rows,
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

    /** Labels by time: the time column is in seconds and a cycle lasts {@code seconds}; 0 = one row per cycle. */
    public TrainingSettings withSecondsPerCycle(double seconds) {
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
                seconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
