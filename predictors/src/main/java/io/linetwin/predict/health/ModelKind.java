package io.linetwin.predict.health;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import java.util.Locale;

/**
 * Network architectures. Every block takes windows shaped [batch, time, features] and returns [batch, 1]: the
 * RUL divided by the training cap. Layer sizes are fixed per kind so that a saved model can be rebuilt from its
 * kind alone before its weights are loaded.
 */
public enum ModelKind {

    /** Deep 1-D CNN after Li, Ding and Sun (2018): four 10-filter tanh convolutions along time, then dense. */
    CNN {
        @Override
        Block build() {
            SequentialBlock block = new SequentialBlock().add(ModelKind::timeToChannels);
            for (int i = 0; i < 4; i++) {
                block.add(conv(10, 9)).add(Activation.tanhBlock());
            }
            return block.add(conv(1, 3))
                    .add(Activation.tanhBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(Dropout.builder().optRate(0.3f).build())
                    .add(Linear.builder().setUnits(100).build())
                    .add(Activation.tanhBlock())
                    .add(Linear.builder().setUnits(1).build());
        }
    },

    /** Two stacked LSTM layers read the window; the last hidden state goes through a small dense head. */
    LSTM {
        @Override
        Block build() {
            return new SequentialBlock()
                    .add(ai.djl
                            .nn
                            .recurrent
                            .LSTM
                            .builder()
                            .setStateSize(64)
                            .setNumLayers(2)
                            .optBatchFirst(true)
                            .optDropRate(0.1f)
                            .optReturnState(false)
                            .build())
                    .add(ModelKind::lastStep)
                    .add(Linear.builder().setUnits(32).build())
                    .add(Activation.reluBlock())
                    .add(Dropout.builder().optRate(0.2f).build())
                    .add(Linear.builder().setUnits(1).build());
        }
    },

    /** A convolution extracts local trends per time step, then one LSTM layer integrates them over the window. */
    CNN_LSTM {
        @Override
        Block build() {
            return new SequentialBlock()
                    .add(ModelKind::timeToChannels)
                    .add(conv(32, 5))
                    .add(Activation.reluBlock())
                    .add(ModelKind::timeToChannels)
                    .add(ai.djl
                            .nn
                            .recurrent
                            .LSTM
                            .builder()
                            .setStateSize(64)
                            .setNumLayers(1)
                            .optBatchFirst(true)
                            .optReturnState(false)
                            .build())
                    .add(ModelKind::lastStep)
                    .add(Linear.builder().setUnits(32).build())
                    .add(Activation.reluBlock())
                    .add(Dropout.builder().optRate(0.2f).build())
                    .add(Linear.builder().setUnits(1).build());
        }
    },

    /**
     * A wider, deeper all-convolution network: three ReLU convolutions (32, 64, 64 filters) keep every time step,
     * and a dense head reads the whole window. About the cost of {@link #CNN_LSTM} per window.
     */
    CNN_WIDE {
        @Override
        Block build() {
            return new SequentialBlock()
                    .add(ModelKind::timeToChannels)
                    .add(conv(32, 5))
                    .add(Activation.reluBlock())
                    .add(conv(64, 5))
                    .add(Activation.reluBlock())
                    .add(conv(64, 3))
                    .add(Activation.reluBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(Dropout.builder().optRate(0.3f).build())
                    .add(Linear.builder().setUnits(64).build())
                    .add(Activation.reluBlock())
                    .add(Linear.builder().setUnits(1).build());
        }
    },

    /**
     * The deep CNN recipe of Li, Ding and Sun (2018) as published: five 10-filter tanh convolutions of kernel 10
     * along time (symmetric padding 5, so each adds one step: 30 becomes 35), a 1-filter convolution of kernel 3,
     * dropout 0.5, dense 100 tanh. Xavier initialisation is DJL's default for weights.
     */
    CNN_DEEP {
        @Override
        Block build() {
            SequentialBlock block = new SequentialBlock().add(ModelKind::timeToChannels);
            for (int i = 0; i < 5; i++) {
                block.add(Conv1d.builder()
                                .setFilters(10)
                                .setKernelShape(new Shape(10))
                                .optPadding(new Shape(5))
                                .build())
                        .add(Activation.tanhBlock());
            }
            return block.add(conv(1, 3))
                    .add(Activation.tanhBlock())
                    .add(Blocks.batchFlattenBlock())
                    .add(Dropout.builder().optRate(0.5f).build())
                    .add(Linear.builder().setUnits(100).build())
                    .add(Activation.tanhBlock())
                    .add(Linear.builder().setUnits(1).build());
        }
    };

    abstract Block build();

    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static ModelKind fromCliName(String name) {
        for (ModelKind kind : values()) {
            if (kind.cliName().equals(name.toLowerCase(Locale.ROOT))) {
                return kind;
            }
        }
        throw new IllegalArgumentException("model must be one of "
                + String.join(
                        ", ",
                        java.util.Arrays.stream(values())
                                .map(ModelKind::cliName)
                                .toList()) + ", got " + name);
    }

    /** [batch, time, features] to [batch, features, time] (and back): Conv1d convolves the last axis. */
    private static NDList timeToChannels(NDList input) {
        return new NDList(input.singletonOrThrow().transpose(0, 2, 1));
    }

    private static NDList lastStep(NDList input) {
        NDArray sequence = input.singletonOrThrow();
        return new NDList(sequence.get(":, -1, :"));
    }

    private static Conv1d conv(int filters, int kernel) {
        // Odd kernels with half padding keep the window length, so the dense head size does not depend on it.
        return Conv1d.builder()
                .setFilters(filters)
                .setKernelShape(new Shape(kernel))
                .optPadding(new Shape(kernel / 2))
                .build();
    }
}
