package io.linetwin.model;

import java.util.OptionalDouble;
import java.util.Set;

/**
 * One route of a station with several outbound buffers: parts go to buffer {@code to} either by a share of
 * the station's output ({@code share}, drawn per part: a quality gate sends a share to rework this way) or by
 * product ({@code products}: every part of these products). A station's routes are all by share or all by
 * product.
 */
public record RouteSpec(String to, OptionalDouble share, Set<String> products) {

    public RouteSpec {
        Checks.id("route target", to);
        products = Set.copyOf(products);
        if (share.isPresent() == !products.isEmpty()) {
            throw new IllegalArgumentException("route to " + to + " must have either a share or products, got "
                    + (share.isPresent() ? "both" : "neither"));
        }
        if (share.isPresent()) {
            Checks.positive("route to " + to + " share", share.getAsDouble());
        }
    }

    public boolean byShare() {
        return share.isPresent();
    }

    public static RouteSpec share(String to, double share) {
        return new RouteSpec(to, OptionalDouble.of(share), Set.of());
    }

    public static RouteSpec products(String to, Set<String> products) {
        return new RouteSpec(to, OptionalDouble.empty(), products);
    }
}
