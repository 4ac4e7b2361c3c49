package io.linetwin.scenario;

import io.linetwin.model.Distribution;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a time distribution: {@code {dist: NAME, ...parameters}}, or a bare duration as shorthand for a
 * constant. Times are durations with units; {@code cv}, {@code shape} and {@code weights} are plain numbers.
 */
final class DistributionReader {

    /** The parameter sets each distribution accepts, as alternatives. */
    private static final Map<String, List<Set<String>>> FORMS = new LinkedHashMap<>();

    static {
        FORMS.put("constant", List.of(Set.of("value")));
        FORMS.put("exponential", List.of(Set.of("mean")));
        FORMS.put("uniform", List.of(Set.of("min", "max")));
        FORMS.put("normal", List.of(Set.of("mean", "sd"), Set.of("mean", "cv")));
        FORMS.put("lognormal", List.of(Set.of("mean", "sd"), Set.of("mean", "cv")));
        FORMS.put("gamma", List.of(Set.of("mean", "cv"), Set.of("shape", "scale")));
        FORMS.put("weibull", List.of(Set.of("shape", "scale")));
        FORMS.put("triangular", List.of(Set.of("min", "mode", "max")));
        FORMS.put("empirical", List.of(Set.of("values"), Set.of("values", "weights")));
    }

    private static final List<String> ORDER =
            List.of("value", "mean", "sd", "cv", "min", "mode", "max", "shape", "scale", "values", "weights");

    private DistributionReader() {}

    static Optional<Distribution> read(YamlCursor at) {
        if (at.isScalar()) {
            return at.duration().map(Distribution.Constant::new);
        }
        if (!at.isMapping()) {
            at.problem(
                    ProblemCode.VALUE_TYPE,
                    "expected a distribution like {dist: exponential, mean: 2s} or a duration, got " + at.describe());
            return Optional.empty();
        }
        MappingReader map = at.mapping().orElseThrow();
        Optional<String> dist = map.required(
                        "dist",
                        ProblemCode.KEY_MISSING,
                        "required key is missing; expected one of " + String.join(", ", FORMS.keySet()))
                .flatMap(c -> c.choice(FORMS.keySet()));
        if (dist.isEmpty()) {
            return Optional.empty();
        }
        Set<String> given = new LinkedHashSet<>(map.keys());
        given.remove("dist");
        List<Set<String>> forms = FORMS.get(dist.get());
        if (!forms.contains(given)) {
            reportWrongForm(map, dist.get(), given, forms);
            return Optional.empty();
        }
        int before = at.problems().count();
        Map<String, Double> values = new LinkedHashMap<>();
        List<Double> sample = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (String key : given) {
            YamlCursor value = map.optional(key).orElseThrow();
            switch (key) {
                case "cv" -> value.nonNegative().ifPresent(v -> values.put(key, v));
                case "shape" -> value.positive().ifPresent(v -> values.put(key, v));
                case "values" -> readList(value, true).ifPresent(sample::addAll);
                case "weights" -> readList(value, false).ifPresent(weights::addAll);
                default -> value.duration().ifPresent(v -> values.put(key, v));
            }
        }
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        return at.problems().guard(at.node(), at.path(), () -> build(dist.get(), values, sample, weights));
    }

    private static Distribution build(String dist, Map<String, Double> p, List<Double> values, List<Double> weights) {
        return switch (dist) {
            case "constant" -> new Distribution.Constant(p.get("value"));
            case "exponential" -> new Distribution.Exponential(p.get("mean"));
            case "uniform" -> new Distribution.Uniform(p.get("min"), p.get("max"));
            case "normal" -> new Distribution.Normal(p.get("mean"), sd(p));
            case "lognormal" -> new Distribution.Lognormal(p.get("mean"), sd(p));
            case "gamma" -> gamma(p);
            case "weibull" -> new Distribution.Weibull(p.get("shape"), p.get("scale"));
            case "triangular" -> new Distribution.Triangular(p.get("min"), p.get("mode"), p.get("max"));
            case "empirical" -> new Distribution.Empirical(values, weights);
            default -> throw new IllegalArgumentException("dist must be one of " + FORMS.keySet() + ", got " + dist);
        };
    }

    private static double sd(Map<String, Double> p) {
        return p.containsKey("sd") ? p.get("sd") : p.get("cv") * p.get("mean");
    }

    private static Distribution gamma(Map<String, Double> p) {
        if (p.containsKey("shape")) {
            return new Distribution.Gamma(p.get("shape"), p.get("scale"));
        }
        double cv = p.get("cv");
        if (!(cv > 0)) {
            throw new IllegalArgumentException("gamma cv must be > 0, got " + cv);
        }
        double shape = 1 / (cv * cv);
        return new Distribution.Gamma(shape, p.get("mean") / shape);
    }

    private static Optional<List<Double>> readList(YamlCursor list, boolean durations) {
        return list.items("").map(items -> {
            List<Double> read = new ArrayList<>();
            for (YamlCursor item : items) {
                (durations ? item.duration() : item.nonNegative()).ifPresent(read::add);
            }
            return read;
        });
    }

    /** Names the accepted parameter sets: a wrong set is usually a parameter of another distribution. */
    private static void reportWrongForm(MappingReader map, String dist, Set<String> given, List<Set<String>> forms) {
        String accepted = forms.stream().map(DistributionReader::braces).collect(Collectors.joining(" or "));
        Set<String> known = forms.stream().flatMap(Set::stream).collect(Collectors.toSet());
        boolean unexpected = false;
        for (String key : given) {
            if (!known.contains(key)) {
                map.keyCursor(key)
                        .problem(
                                ProblemCode.DISTRIBUTION_PARAMETERS,
                                dist + " takes " + accepted + ", got unexpected key '" + key + "'");
                unexpected = true;
            }
        }
        if (!unexpected) {
            map.self()
                    .problem(
                            ProblemCode.DISTRIBUTION_PARAMETERS,
                            dist + " takes " + accepted + ", got " + braces(given));
        }
    }

    private static String braces(Set<String> keys) {
        return keys.stream()
                .sorted((a, b) -> Integer.compare(ORDER.indexOf(a), ORDER.indexOf(b)))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
