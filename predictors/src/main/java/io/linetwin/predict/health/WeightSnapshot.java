package io.linetwin.predict.health;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A copy of a block's weights in DJL's own parameter encoding, and the way back.
 *
 * <p>Restoring gives every parameter a freshly decoded array instead of writing into the old one: the old array
 * may carry a NaN gradient that the next backward pass would add to, and DJL's {@code NDArray.set(Buffer)} would
 * make the parameter's storage a Java buffer (and print a libtorch deprecation warning). A trainer built after a
 * restore therefore starts from clean parameters, gradients and optimiser state.
 */
final class WeightSnapshot {

    private final List<byte[]> encoded;

    private WeightSnapshot(List<byte[]> encoded) {
        this.encoded = encoded;
    }

    static WeightSnapshot of(Block block) {
        List<byte[]> encoded = new ArrayList<>();
        try {
            for (Parameter parameter : block.getParameters().values()) {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                try (DataOutputStream out = new DataOutputStream(bytes)) {
                    parameter.save(out);
                }
                encoded.add(bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy the weights: " + e.getMessage(), e);
        }
        return new WeightSnapshot(encoded);
    }

    /**
     * Replaces every parameter array of {@code block} (which must be the block this snapshot was taken of, or one
     * built the same way) by the saved values, attached to {@code manager}. No trainer may hold the old arrays.
     */
    void restoreInto(Block block, NDManager manager) {
        List<Parameter> parameters = block.getParameters().values();
        if (parameters.size() != encoded.size()) {
            throw new IllegalArgumentException(
                    "block must have " + encoded.size() + " parameters, got " + parameters.size());
        }
        try {
            for (int i = 0; i < encoded.size(); i++) {
                Parameter parameter = parameters.get(i);
                if (parameter.isInitialized()) {
                    parameter.getArray().close();
                }
                try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(encoded.get(i)))) {
                    parameter.load(manager, in);
                }
            }
        } catch (IOException | MalformedModelException e) {
            throw new IllegalStateException("cannot restore the weights: " + e.getMessage(), e);
        }
    }
}
