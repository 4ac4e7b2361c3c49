package io.linetwin.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts waiting in a buffer or on a conveyor, by product.
 *
 * @param byProduct product id → number of parts (anonymous product: the key {@code ""})
 * @param sequence  the products of the waiting parts from the front (next to leave) to the back, when known
 *                  (a simulation snapshot knows it); empty when unknown (the twin rarely knows the FIFO order),
 *                  and then the simulation interleaves the products when it refills the buffer
 */
public record BufferContents(Map<String, Integer> byProduct, List<String> sequence) {

    public BufferContents {
        byProduct.forEach((product, count) -> {
            if (count == null || count < 0) {
                throw new IllegalArgumentException("parts of " + product + " must be >= 0, got " + count);
            }
        });
        long parts = 0;
        for (Integer count : byProduct.values()) {
            parts += count;
        }
        if (parts > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parts must total at most " + Integer.MAX_VALUE + ", got " + parts);
        }
        byProduct = Checks.orderedCopy(byProduct);
        sequence = List.copyOf(sequence);
        if (!sequence.isEmpty()) {
            Map<String, Integer> counted = new HashMap<>();
            sequence.forEach(product -> counted.merge(product, 1, Integer::sum));
            Map<String, Integer> nonZero = new HashMap<>(byProduct);
            nonZero.values().removeIf(count -> count == 0);
            if (!counted.equals(nonZero)) {
                throw new IllegalArgumentException(
                        "sequence must hold exactly the parts counted by product " + nonZero + ", got " + counted);
            }
        }
    }

    /** Contents whose order is unknown. */
    public BufferContents(Map<String, Integer> byProduct) {
        this(byProduct, List.of());
    }

    public int total() {
        return byProduct.values().stream().mapToInt(Integer::intValue).sum();
    }
}
