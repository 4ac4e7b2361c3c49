package io.linetwin.predict.health;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Huber loss, mean over the batch: 0.5 d^2 for |d| <= delta, delta (|d| - delta / 2) beyond; the squared part
 * matches DJL's L2 loss (0.5 d^2).
 */
final class HuberLoss extends Loss {

    private final float delta;

    HuberLoss(float delta) {
        super("HuberLoss");
        this.delta = delta;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray error = predictions
                .singletonOrThrow()
                .reshape(label.getShape())
                .sub(label)
                .abs();
        NDArray quadratic = error.minimum(delta);
        NDArray linear = error.sub(quadratic);
        return quadratic.square().mul(0.5f).add(linear.mul(delta)).mean();
    }
}
