package io.linetwin.scenario;

import io.linetwin.model.RouteSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * Reads a station's {@code routes}: {@code [{to: b2, share: 0.9}, {to: b-rework, share: 0.1}]} or
 * {@code [{to: b2, products: [litre]}, {to: b3, products: [half-litre]}]}. Targets are checked against the
 * station's outbound buffers by the topology check, once buffers are read.
 */
final class RouteReader {

    private RouteReader() {}

    static List<RouteSpec> read(YamlCursor at, Set<String> products, Map<String, YamlCursor> targets) {
        List<RouteSpec> routes = new ArrayList<>();
        Boolean[] byShare = new Boolean[1];
        at.items("to")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    int before = at.problems().count();
                    map.allow(List.of("to", "share", "products"));
                    Optional<YamlCursor> toAt = map.required("to");
                    Optional<String> to = toAt.flatMap(YamlCursor::id);
                    to.ifPresent(t -> {
                        if (targets.putIfAbsent(t, toAt.get()) != null) {
                            toAt.get().problem(ProblemCode.ID_DUPLICATE, "duplicate route to '" + t + "'");
                        }
                    });
                    boolean hasShare = map.has("share");
                    if (hasShare == map.has("products")) {
                        item.problem(
                                ProblemCode.KEY_CONFLICT,
                                "a route takes either 'share' or 'products', got " + (hasShare ? "both" : "neither"));
                        return;
                    }
                    if (byShare[0] != null && byShare[0] != hasShare) {
                        map.keyCursor(hasShare ? "share" : "products")
                                .problem(
                                        ProblemCode.KEY_CONFLICT,
                                        "routes of one station are all by share or"
                                                + " all by products, got both kinds");
                        return;
                    }
                    byShare[0] = hasShare;
                    OptionalDouble share = map.optional("share")
                            .flatMap(YamlCursor::positive)
                            .map(OptionalDouble::of)
                            .orElse(OptionalDouble.empty());
                    Set<String> routed = new LinkedHashSet<>();
                    map.optional("products")
                            .flatMap(c -> c.items(""))
                            .ifPresent(ps -> ps.forEach(p -> p.id().ifPresent(id -> {
                                if (!products.contains(id)) {
                                    p.problem(
                                            ProblemCode.REFERENCE_UNKNOWN_PRODUCT,
                                            "no product '" + id + "'"
                                                    + (products.isEmpty()
                                                            ? "; the line declares no products"
                                                            : Suggestions.hint(id, products)));
                                } else {
                                    routed.add(id);
                                }
                            })));
                    if (at.problems().count() == before) {
                        at.problems()
                                .guard(item.node(), item.path(), () -> new RouteSpec(to.get(), share, routed))
                                .ifPresent(routes::add);
                    }
                })));
        return routes;
    }
}
