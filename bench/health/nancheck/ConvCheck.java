import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv1d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.Locale;
import java.util.Random;

/**
 * One Conv1d forward and backward pass, as the health models run it (a [batch, time, features] window transposed
 * to channels first), against a plain-Java reference in double precision. Prints one RESULT line: OK when every
 * output and gradient is finite and within 1e-3 of the reference.
 *
 * <p>Usage: ConvCheck ITERATIONS BATCH TIME FEATURES FILTERS KERNEL PADDING
 */
public final class ConvCheck {

    public static void main(String[] args) {
        int iterations = Integer.parseInt(args[0]);
        int batch = Integer.parseInt(args[1]);
        int time = Integer.parseInt(args[2]);
        int features = Integer.parseInt(args[3]);
        int filters = Integer.parseInt(args[4]);
        int kernel = Integer.parseInt(args[5]);
        int padding = Integer.parseInt(args[6]);
        int outTime = time + 2 * padding - kernel + 1;
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed(1);
        Random random = new Random(3);
        long nonFinite = 0;
        double worstOut = 0;
        double worstWeightGrad = 0;
        double worstInputGrad = 0;
        for (int iteration = 0; iteration < iterations; iteration++) {
            try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
                Conv1d conv = Conv1d.builder().setFilters(filters).setKernelShape(new Shape(kernel))
                        .optPadding(new Shape(padding)).build();
                conv.initialize(manager, DataType.FLOAT32, new Shape(batch, features, time));
                float[] w = gaussian(random, filters * features * kernel, 0.1);
                float[] bias = gaussian(random, filters, 0.1);
                NDArray weight = null;
                for (Pair<String, Parameter> parameter : conv.getParameters()) {
                    if (parameter.getKey().equals("weight")) {
                        weight = parameter.getValue().getArray();
                        weight.set(w);
                    } else {
                        parameter.getValue().getArray().set(bias);
                    }
                }
                float[] x = new float[batch * time * features];
                for (int i = 0; i < x.length; i++) {
                    x[i] = random.nextFloat();
                }
                float[] outGrad = gaussian(random, batch * filters * outTime, 1);
                NDArray input = manager.create(x, new Shape(batch, time, features));
                input.setRequiresGradient(true);
                float[] out;
                try (GradientCollector collector = engine.newGradientCollector()) {
                    NDArray result = conv.forward(new ParameterStore(manager, false),
                            new NDList(input.transpose(0, 2, 1)), true).singletonOrThrow();
                    out = result.toFloatArray();
                    collector.backward(result.mul(manager.create(outGrad, new Shape(batch, filters, outTime))).sum());
                }
                float[] weightGrad = weight.getGradient().toFloatArray();
                float[] inputGrad = input.getGradient().toFloatArray();
                double[] refWeightGrad = new double[w.length];
                double[] refInputGrad = new double[x.length];
                for (int b = 0; b < batch; b++) {
                    for (int o = 0; o < filters; o++) {
                        for (int t = 0; t < outTime; t++) {
                            double sum = bias[o];
                            double g = outGrad[(b * filters + o) * outTime + t];
                            for (int c = 0; c < features; c++) {
                                for (int k = 0; k < kernel; k++) {
                                    int source = t + k - padding;
                                    if (source >= 0 && source < time) {
                                        int xi = (b * time + source) * features + c;
                                        int wi = (o * features + c) * kernel + k;
                                        sum += (double) w[wi] * x[xi];
                                        refWeightGrad[wi] += g * x[xi];
                                        refInputGrad[xi] += g * w[wi];
                                    }
                                }
                            }
                            float value = out[(b * filters + o) * outTime + t];
                            if (Float.isFinite(value)) {
                                worstOut = Math.max(worstOut, Math.abs(value - sum));
                            } else {
                                nonFinite++;
                            }
                        }
                    }
                }
                for (int i = 0; i < weightGrad.length; i++) {
                    if (Float.isFinite(weightGrad[i])) {
                        worstWeightGrad = Math.max(worstWeightGrad,
                                Math.abs(weightGrad[i] - refWeightGrad[i]) / (1 + Math.abs(refWeightGrad[i])));
                    } else {
                        nonFinite++;
                    }
                }
                for (int i = 0; i < inputGrad.length; i++) {
                    if (Float.isFinite(inputGrad[i])) {
                        worstInputGrad = Math.max(worstInputGrad, Math.abs(inputGrad[i] - refInputGrad[i]));
                    } else {
                        nonFinite++;
                    }
                }
            }
        }
        boolean ok = nonFinite == 0 && worstOut < 1e-3 && worstWeightGrad < 1e-3 && worstInputGrad < 1e-3;
        System.out.printf(Locale.ROOT, "RESULT %s batch %d time %d features %d filters %d kernel %d padding %d "
                + "iterations %d non-finite %d max error out %.1e weight-grad %.1e input-grad %.1e%n",
                ok ? "OK" : "WRONG", batch, time, features, filters, kernel, padding, iterations, nonFinite, worstOut,
                worstWeightGrad, worstInputGrad);
        System.exit(ok ? 0 : 1);
    }

    private static float[] gaussian(Random random, int n, double sd) {
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            values[i] = (float) (random.nextGaussian() * sd);
        }
        return values;
    }
}
