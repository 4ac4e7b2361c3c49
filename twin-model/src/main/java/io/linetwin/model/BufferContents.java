package io.linetwin.model;

import java.util.Map;

/**
 * Parts waiting in a buffer or on a conveyor, by product. FIFO order inside a buffer is not known to
 * the twin, so the simulation interleaves products when it refills the buffer.
 *
 * @param byProduct product id → number of parts (anonymous product: the key {@code ""})
 */
public record BufferContents(Map<String, Integer> byProduct) {

    public BufferContents {
        byProduct.forEach((product, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("parts of " + product + " must be >= 0, got " + count);
            }
        });
        byProduct = Map.copyOf(byProduct);
    }

    public int total() {
        return byProduct.values().stream().mapToInt(Integer::intValue).sum();
    }
}
