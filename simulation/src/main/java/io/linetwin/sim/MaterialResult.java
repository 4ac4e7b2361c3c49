package io.linetwin.sim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One material over a whole replication (warm-up included, so the balance closes):
 * {@code initialStock + receipts - consumed = finalStock}. {@code orders}: reorders placed; {@code stockOuts}:
 * times a station found too little on hand to start an operation. By station: units consumed over the run,
 * and seconds of the statistics window the station was kept from starting for lack of this material.
 */
public record MaterialResult(
        String id,
        double initialStock,
        double receipts,
        double consumed,
        double finalStock,
        long orders,
        long stockOuts,
        Map<String, Double> consumedByStation,
        Map<String, Double> starvedSecondsByStation) {

    public MaterialResult {
        Objects.requireNonNull(id, "id");
        consumedByStation = Collections.unmodifiableMap(new LinkedHashMap<>(consumedByStation));
        starvedSecondsByStation = Collections.unmodifiableMap(new LinkedHashMap<>(starvedSecondsByStation));
        if (orders < 0 || stockOuts < 0) {
            throw new IllegalArgumentException("orders and stock-outs must be >= 0, got " + orders + ", " + stockOuts);
        }
    }
}
