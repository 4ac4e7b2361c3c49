package io.linetwin.predict.health;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains one ensemble member: Adam on shuffled batches, early stopping on a by-unit validation split, and a guard
 * that never lets a NaN or infinite number run on.
 *
 * <p>Every batch loss is read before its backward pass, and every epoch ends with a validation score. The first
 * one that is not finite stops that epoch at once: the weights go back to the end of the last good epoch, the
 * learning rate halves, a fresh trainer (new gradients, new Adam moments) repeats the epoch, and the event is
 * reported. After {@link #MAX_RECOVERIES} of them a member gives up with a {@link TrainingDivergedException}.
 */
final class MemberTrainer {

    /** Recoveries per member before training gives up: enough for a transient glitch, few enough to fail fast. */
    static final int MAX_RECOVERIES = 3;

    private static final int VALIDATION_CHUNK = 1024;

    /** A seam for tests: runs after every optimiser step, so a test can corrupt the weights the way a fault would. */
    @FunctionalInterface
    interface StepHook {
        StepHook NONE = (member, epoch, batch, block) -> {};

        void afterStep(int member, int epoch, int batch, Block block);
    }

    /** Per-epoch figures of the epochs that completed, the best validation RMSE and the recoveries. */
    record History(double[] loss, double[] validation, double best, List<TrainingRecovery> recoveries) {}

    private final Model model;
    private final TrainingSettings settings;
    private final WindowSet train;
    private final WindowSet validation;
    private final int member;
    private final int members;
    private final Consumer<String> progress;
    private final StepHook hook;
    private final HuberLoss huber;
    private final PlateauTracker learningRate;

    /**
     * @param member   this member's number, from 1, of {@code members}
     * @param progress receives one line per epoch and one per recovery, prefixed "member i/n "
     */
    MemberTrainer(
            Model model,
            TrainingSettings settings,
            WindowSet train,
            WindowSet validation,
            int member,
            int members,
            Consumer<String> progress,
            StepHook hook) {
        this.model = model;
        this.settings = settings;
        this.train = train;
        this.validation = validation;
        this.member = member;
        this.members = members;
        this.progress = line -> progress.accept("member " + member + "/" + members + " " + line);
        this.hook = hook;
        this.huber = settings.huberDelta() > 0 ? new HuberLoss((float) settings.huberDelta()) : null;
        this.learningRate = new PlateauTracker((float) settings.learningRate());
    }

    /** Trains from the engine seed {@code seed} and leaves the best validated weights in the model's block. */
    History run(long seed) {
        HealthRuntime.engine().setRandomSeed((int) seed);
        Random shuffle = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < train.count(); i++) {
            order.add(i);
        }
        List<Double> lossHistory = new ArrayList<>();
        List<Double> validationHistory = new ArrayList<>();
        List<TrainingRecovery> recoveries = new ArrayList<>();
        Trainer trainer = newTrainer();
        try {
            WeightSnapshot lastGood = WeightSnapshot.of(model.getBlock());
            int lastGoodEpoch = 0;
            WeightSnapshot best = lastGood;
            double bestRmse = Double.POSITIVE_INFINITY;
            int sinceBest = 0;
            int epoch = 1;
            while (epoch <= settings.maxEpochs()) {
                Collections.shuffle(order, shuffle);
                EpochOutcome outcome = trainEpoch(trainer, epoch, order);
                double rmse = outcome.failedBatch == 0 ? validationRmse(trainer) : Double.NaN;
                if (outcome.failedBatch > 0 || !Double.isFinite(rmse)) {
                    TrainingRecovery recovery = outcome.failedBatch > 0
                            ? recovery(
                                    epoch,
                                    outcome.failedBatch,
                                    TrainingRecovery.Signal.TRAINING_LOSS,
                                    outcome.failedValue,
                                    lastGoodEpoch)
                            : recovery(epoch, 0, TrainingRecovery.Signal.VALIDATION_RMSE, rmse, lastGoodEpoch);
                    if (recoveries.size() == MAX_RECOVERIES) {
                        throw diverged(recovery, recoveries);
                    }
                    recoveries.add(recovery);
                    learningRate.set((float) recovery.learningRateAfter());
                    progress.accept(
                            recovery.describe() + " (recovery " + recoveries.size() + " of " + MAX_RECOVERIES + ")");
                    trainer.close();
                    trainer = null;
                    lastGood.restoreInto(model.getBlock(), model.getNDManager());
                    trainer = newTrainer();
                    continue;
                }
                lossHistory.add(outcome.meanLoss);
                validationHistory.add(rmse);
                lastGood = WeightSnapshot.of(model.getBlock());
                lastGoodEpoch = epoch;
                if (rmse < bestRmse - 1e-4) {
                    bestRmse = rmse;
                    best = lastGood;
                    sinceBest = 0;
                } else {
                    sinceBest++;
                    if (sinceBest == Math.max(1, settings.patience() / 2)) {
                        learningRate.set(learningRate.value / 2);
                    }
                }
                progress.accept(String.format(
                        Locale.ROOT,
                        "epoch %d loss %.5f val-rmse %.2f lr %.2e",
                        epoch,
                        outcome.meanLoss,
                        rmse,
                        learningRate.value));
                if (sinceBest >= settings.patience()) {
                    break;
                }
                epoch++;
            }
            trainer.close();
            trainer = null;
            best.restoreInto(model.getBlock(), model.getNDManager());
            return new History(toArray(lossHistory), toArray(validationHistory), bestRmse, recoveries);
        } finally {
            if (trainer != null) {
                trainer.close();
            }
        }
    }

    private TrainingRecovery recovery(
            int epoch, int batch, TrainingRecovery.Signal signal, double value, int restoredEpoch) {
        return new TrainingRecovery(
                member, epoch, batch, signal, value, restoredEpoch, learningRate.value, learningRate.value / 2);
    }

    private TrainingDivergedException diverged(TrainingRecovery last, List<TrainingRecovery> earlier) {
        return new TrainingDivergedException(
                String.format(
                        Locale.ROOT,
                        "training diverged: member %d/%d %s again after %d recoveries (learning rate down to %.2e, first at "
                                + "%s)",
                        member,
                        members,
                        last.where(),
                        earlier.size(),
                        learningRate.value,
                        earlier.get(0).where()),
                earlier);
    }

    /** The mean loss of a completed epoch, or the first batch (from 1) whose loss was not finite. */
    private record EpochOutcome(double meanLoss, int failedBatch, double failedValue) {}

    private EpochOutcome trainEpoch(Trainer trainer, int epoch, List<Integer> order) {
        int window = train.window();
        int features = train.features();
        int stride = window * features;
        float cap = settings.rulCap();
        int epochWindows =
                settings.windowsPerEpoch() == 0 ? order.size() : Math.min(order.size(), settings.windowsPerEpoch());
        double lossSum = 0;
        int batchNumber = 0;
        for (int from = 0; from < epochWindows; from += settings.batchSize()) {
            batchNumber++;
            int size = Math.min(settings.batchSize(), epochWindows - from);
            float[] x = new float[size * stride];
            float[] y = new float[size];
            for (int b = 0; b < size; b++) {
                int i = order.get(from + b);
                System.arraycopy(train.inputs(), i * stride, x, b * stride, stride);
                y[b] = train.targets()[i] / cap;
            }
            // A sub-manager per batch: temporaries on the trainer's manager otherwise pile up to GBs.
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(x, new Shape(size, window, features));
                NDArray label = batch.create(y, new Shape(size, 1));
                try (GradientCollector collector = trainer.newGradientCollector()) {
                    NDArray prediction = trainer.forward(new NDList(input)).singletonOrThrow();
                    NDArray loss = huber != null
                            ? huber.evaluate(new NDList(label), new NDList(prediction))
                            : prediction.sub(label).square().mean();
                    float value = loss.getFloat();
                    if (!Float.isFinite(value)) {
                        // No backward pass: its gradient would reach the weights and Adam's moments.
                        return new EpochOutcome(Double.NaN, batchNumber, value);
                    }
                    lossSum += (double) value * size;
                    collector.backward(loss);
                }
                trainer.step();
            }
            hook.afterStep(member, epoch, batchNumber, model.getBlock());
        }
        return new EpochOutcome(lossSum / epochWindows, 0, 0);
    }

    private double validationRmse(Trainer trainer) {
        int stride = validation.window() * validation.features();
        float cap = settings.rulCap();
        double sum = 0;
        for (int from = 0; from < validation.count(); from += VALIDATION_CHUNK) {
            int size = Math.min(VALIDATION_CHUNK, validation.count() - from);
            float[] x = new float[size * stride];
            System.arraycopy(validation.inputs(), from * stride, x, 0, size * stride);
            try (NDManager batch = trainer.getManager().newSubManager()) {
                NDArray input = batch.create(x, new Shape(size, validation.window(), validation.features()));
                float[] out =
                        trainer.evaluate(new NDList(input)).singletonOrThrow().toFloatArray();
                for (int b = 0; b < size; b++) {
                    // NaN must not hide behind the cut at zero: Math.max(0, NaN) is NaN, which is what we want.
                    double d = Math.max(0, out[b] * cap) - validation.targets()[from + b];
                    sum += d * d;
                }
            }
        }
        return Math.sqrt(sum / validation.count());
    }

    /** A trainer with a fresh Adam (zero moments) at the current learning rate, on the block's current weights. */
    private Trainer newTrainer() {
        // The training loop computes its loss itself (mean squared error, or Huber when huberDelta > 0).
        DefaultTrainingConfig config = new DefaultTrainingConfig(huber != null ? huber : Loss.l2Loss())
                .optOptimizer(
                        Optimizer.adam().optLearningRateTracker(learningRate).build());
        Trainer trainer = model.newTrainer(config);
        trainer.initialize(new Shape(settings.batchSize(), train.window(), train.features()));
        return trainer;
    }

    private static double[] toArray(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** A learning rate the loop lowers on a validation plateau and on every recovery. */
    private static final class PlateauTracker implements Tracker {
        private float value;

        PlateauTracker(float value) {
            this.value = value;
        }

        void set(float newValue) {
            value = newValue;
        }

        @Override
        public float getNewValue(int numUpdate) {
            return value;
        }
    }
}
