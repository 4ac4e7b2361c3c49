package io.linetwin.scenario;

import io.linetwin.model.MaterialSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code line.materials}: {@code [{id, initial, reorder: {point, quantity, leadTime}}]}. */
final class MaterialReader {

    private MaterialReader() {}

    static List<MaterialSpec> read(YamlCursor at) {
        List<MaterialSpec> materials = new ArrayList<>();
        Map<String, YamlCursor> ids = new HashMap<>();
        at.items("id")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    int before = at.problems().count();
                    map.allow(List.of("id", "initial", "reorder"));
                    Optional<String> id = map.required("id").flatMap(YamlCursor::id);
                    id.ifPresent(i -> {
                        YamlCursor first = ids.putIfAbsent(i, item);
                        if (first != null) {
                            item.peek("id")
                                    .orElse(item)
                                    .problem(
                                            ProblemCode.ID_DUPLICATE,
                                            "duplicate material id '" + i + "' (first used at "
                                                    + LineReader.position(first) + ")");
                        }
                    });
                    double initial = map.optional("initial")
                            .flatMap(YamlCursor::nonNegative)
                            .orElse(0.0);
                    Optional<MaterialSpec.Reorder> reorder =
                            map.optional("reorder").flatMap(MaterialReader::reorder);
                    if (at.problems().count() == before) {
                        at.problems()
                                .guard(item.node(), item.path(), () -> new MaterialSpec(id.get(), initial, reorder))
                                .ifPresent(materials::add);
                    }
                })));
        return materials;
    }

    private static Optional<MaterialSpec.Reorder> reorder(YamlCursor at) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("point", "quantity", "leadTime"));
        Optional<Double> point = map.required("point").flatMap(YamlCursor::nonNegative);
        Optional<Double> quantity = map.required("quantity").flatMap(YamlCursor::positive);
        Optional<Double> leadTime = map.required("leadTime").flatMap(YamlCursor::duration);
        if (point.isEmpty() || quantity.isEmpty() || leadTime.isEmpty()) {
            return Optional.empty();
        }
        return at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> new MaterialSpec.Reorder(point.get(), quantity.get(), leadTime.get()));
    }
}
