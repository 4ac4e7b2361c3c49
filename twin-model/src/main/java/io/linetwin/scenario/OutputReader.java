package io.linetwin.scenario;

import io.linetwin.model.LineSpec;
import io.linetwin.model.Makers;
import io.linetwin.model.OutputSpec;
import io.linetwin.model.ProductSpec;
import io.linetwin.model.UnitName;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the top-level {@code output} block: {@code {unit: pallet, plural: pallets, byProduct: {keg: keg},
 * stations: {depal: bottle, packer: case}}}. A unit is a word ({@code case}) or {@code {unit, plural}} when the
 * plural is not the regular one. Read after the line, whose products and makers the keys must name.
 */
final class OutputReader {

    private OutputReader() {}

    static Optional<OutputSpec> read(YamlCursor at, LineSpec line) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map = mapping.get().allow(List.of("unit", "plural", "byProduct", "stations"));
        int before = at.problems().count();
        Optional<String> singular = map.optional("unit").flatMap(OutputReader::word);
        Optional<String> plural = map.optional("plural").flatMap(OutputReader::word);
        if (plural.isPresent() && singular.isEmpty() && map.optional("unit").isEmpty()) {
            map.keyCursor("plural").problem(ProblemCode.KEY_MISSING, "a plural needs its unit: add unit");
        }
        UnitName unit = singular.map(s -> plural.map(p -> new UnitName(s, p)).orElse(UnitName.of(s)))
                .orElse(UnitName.PART);
        List<String> products = line.products().stream().map(ProductSpec::id).toList();
        Map<String, UnitName> byProduct = units(
                map.optional("byProduct"),
                products,
                ProblemCode.REFERENCE_UNKNOWN_PRODUCT,
                "product",
                " (products: " + String.join(", ", products) + ")");
        List<String> makers = Makers.of(line).makers();
        Map<String, UnitName> stations = units(
                map.optional("stations"),
                makers,
                ProblemCode.OUTPUT_NOT_A_RELEASE_POINT,
                "release point or assembly",
                ": only sources, machines without an inbound link and assemblies make a new unit (they are "
                        + String.join(", ", makers) + ")");
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(), () -> new OutputSpec(unit, byProduct, stations));
    }

    private static Map<String, UnitName> units(
            Optional<YamlCursor> at, List<String> allowed, ProblemCode unknown, String what, String whichAre) {
        Map<String, UnitName> units = new LinkedHashMap<>();
        at.flatMap(YamlCursor::mapping)
                .ifPresent(map -> map.values().forEach((key, value) -> {
                    if (!allowed.contains(key)) {
                        map.keyCursor(key)
                                .problem(
                                        unknown,
                                        "no " + what + " '" + key + "'"
                                                + Suggestions.nearest(key, allowed)
                                                        .map(s -> "; did you mean '" + s + "'?")
                                                        .orElse(whichAre));
                        return;
                    }
                    unit(value).ifPresent(unit -> units.put(key, unit));
                }));
        return units;
    }

    /** {@code case} or {@code {unit: case, plural: cases}}. */
    private static Optional<UnitName> unit(YamlCursor at) {
        if (at.isMapping()) {
            MappingReader map = at.mapping().orElseThrow().allow(List.of("unit", "plural"));
            Optional<String> singular = map.required("unit").flatMap(OutputReader::word);
            Optional<String> plural = map.optional("plural").flatMap(OutputReader::word);
            return singular.map(s -> plural.map(p -> new UnitName(s, p)).orElse(UnitName.of(s)));
        }
        return word(at).map(UnitName::of);
    }

    private static Optional<String> word(YamlCursor at) {
        String text = at.isScalar() ? at.rawText().strip() : "";
        if (text.isEmpty()
                || text.length() > 40
                || !text.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == ' ')) {
            at.problem(
                    ProblemCode.VALUE_FORMAT,
                    "expected a unit name like \"pallet\" (letters, digits, - or _), got " + at.describe());
            return Optional.empty();
        }
        return Optional.of(text);
    }
}
