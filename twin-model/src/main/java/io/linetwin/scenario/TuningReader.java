package io.linetwin.scenario;

import io.linetwin.model.LineTemplate;
import io.linetwin.model.SetEntryException;
import io.linetwin.model.TuningConstraint;
import io.linetwin.model.TuningGuard;
import io.linetwin.model.TuningObjective;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.TuningVariable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads the {@code tuning} section over a valid base line. A variable's path is checked by building the line with
 * the variable at its bounds (and, for a continuous one, between them) exactly as a variant is built, so a path
 * is valid exactly when a variant's {@code set} would take it there.
 */
final class TuningReader {

    private static final List<String> KEYS = List.of("objective", "variables", "constraints", "guard", "budget");
    private static final List<String> TYPES = List.of("integer", "continuous");

    private TuningReader() {}

    static Optional<TuningSpec> read(YamlCursor at, LineTemplate template) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = at.problems().count();
        MappingReader map = mapping.get().allow(KEYS);
        Optional<TuningObjective> objective = map.required("objective").flatMap(TuningReader::objective);
        Map<String, YamlCursor> paths = new LinkedHashMap<>();
        List<TuningVariable> variables = map.required("variables")
                .map(v -> variables(v, template, objective, paths))
                .orElse(List.of());
        // Constraints name variables: over broken variables they would only repeat those problems.
        List<TuningConstraint> constraints = at.problems().count() > before
                ? List.of()
                : map.optional("constraints")
                        .map(c -> constraints(c, variables, paths))
                        .orElse(List.of());
        List<TuningGuard> guards =
                map.optional("guard").map(TuningReader::guards).orElse(List.of());
        int[] budget = map.optional("budget")
                .map(TuningReader::budget)
                .orElse(new int[] {TuningSpec.DEFAULT_EVALUATIONS, TuningSpec.DEFAULT_REPLICATIONS});
        if (at.problems().count() > before) {
            return Optional.empty();
        }
        Optional<TuningSpec> spec = at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> new TuningSpec(objective.get(), variables, constraints, guards, budget[0], budget[1]));
        spec.ifPresent(s -> checkJointlyFeasible(s, map));
        return spec.filter(s -> at.problems().count() == before);
    }

    private static Optional<TuningObjective> objective(YamlCursor at) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        MappingReader map =
                mapping.get().allow(List.of("maximise", "minimise", "maximize", "minimize", "valuePerPart"));
        List<String> directions = map.keys().stream()
                .filter(k -> k.startsWith("maxim") || k.startsWith("minim"))
                .toList();
        if (directions.size() != 1) {
            at.problem(
                    ProblemCode.KEY_CONFLICT,
                    "expected exactly one of maximise, minimise, got "
                            + (directions.isEmpty() ? "neither" : String.join(" and ", directions)));
            return Optional.empty();
        }
        boolean maximise = directions.get(0).startsWith("maxim");
        List<String> kpis = new ArrayList<>(TuningSpec.KPIS);
        kpis.add(TuningObjective.PROFIT_PER_HOUR);
        Optional<String> kpi = map.optional(directions.get(0)).flatMap(c -> c.choice(kpis));
        if (kpi.isEmpty()) {
            return Optional.empty();
        }
        boolean profit = kpi.get().equals(TuningObjective.PROFIT_PER_HOUR);
        if (profit && !maximise) {
            map.optional(directions.get(0))
                    .orElseThrow()
                    .problem(
                            ProblemCode.TUNING_OBJECTIVE,
                            "expected maximise for " + TuningObjective.PROFIT_PER_HOUR + ", got minimise");
            return Optional.empty();
        }
        Optional<YamlCursor> valueAt = map.optional("valuePerPart");
        if (!profit) {
            valueAt.ifPresent(v -> v.problem(
                    ProblemCode.TUNING_OBJECTIVE,
                    "valuePerPart belongs to the objective " + TuningObjective.PROFIT_PER_HOUR + ", not to "
                            + kpi.get()));
            return valueAt.isPresent() ? Optional.empty() : Optional.of(new TuningObjective(kpi.get(), maximise, 0));
        }
        Optional<Double> value = map.required(
                        "valuePerPart",
                        ProblemCode.KEY_MISSING,
                        "required for " + TuningObjective.PROFIT_PER_HOUR + " (the value of one good part), missing")
                .flatMap(YamlCursor::positive);
        return value.map(TuningObjective::profitPerHour);
    }

    private static List<TuningVariable> variables(
            YamlCursor at, LineTemplate template, Optional<TuningObjective> objective, Map<String, YamlCursor> paths) {
        List<TuningVariable> variables = new ArrayList<>();
        Optional<List<YamlCursor>> items = at.items("");
        if (items.isPresent() && items.get().isEmpty()) {
            at.problem(ProblemCode.VALUE_EMPTY, "expected at least one variable, got an empty list");
        }
        items.ifPresent(list ->
                list.forEach(item -> variable(item, template, objective, paths).ifPresent(variables::add)));
        return variables;
    }

    private static Optional<TuningVariable> variable(
            YamlCursor at, LineTemplate template, Optional<TuningObjective> objective, Map<String, YamlCursor> paths) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = at.problems().count();
        MappingReader map = mapping.get().allow(List.of("path", "type", "min", "max", "costPerHour"));
        Optional<YamlCursor> pathAt = map.required("path");
        Optional<String> path = pathAt.flatMap(YamlCursor::text);
        path.ifPresent(p -> {
            if (paths.containsKey(p)) {
                pathAt.get().problem(ProblemCode.ID_DUPLICATE, "duplicate variable path '" + p + "'");
            }
        });
        Optional<Boolean> integer =
                map.required("type").flatMap(c -> c.choice(TYPES)).map(t -> t.equals("integer"));
        Optional<Double> min = map.required("min").flatMap(c -> bound(c, integer));
        Optional<Double> max = map.required("max").flatMap(c -> bound(c, integer));
        if (min.isPresent() && max.isPresent() && min.get() > max.get()) {
            map.optional("max")
                    .orElseThrow()
                    .problem(
                            ProblemCode.VALUE_OUT_OF_RANGE,
                            "expected max >= min " + format(min.get()) + ", got "
                                    + map.optional("max").orElseThrow().describe());
        }
        double cost =
                map.optional("costPerHour").flatMap(c -> cost(c, objective)).orElse(0.0);
        if (at.problems().count() > before || path.isEmpty() || integer.isEmpty()) {
            return Optional.empty();
        }
        paths.put(path.get(), pathAt.get());
        YamlCursor minAt = map.optional("min").orElseThrow();
        YamlCursor maxAt = map.optional("max").orElseThrow();
        Optional<SetEntryException> atMin = refused(template, path.get(), min.get());
        Optional<SetEntryException> atMax = atMin.isPresent() ? atMin : refused(template, path.get(), max.get());
        if (atMin.filter(SetEntryException::badPath).isPresent()) {
            pathAt.get().problem(ProblemCode.REFERENCE_UNKNOWN_PATH, atMin.get().problem());
            return Optional.empty();
        }
        if (atMin.isPresent() || atMax.isPresent()) {
            (atMin.isPresent() ? minAt : maxAt)
                    .problem(
                            ProblemCode.TUNING_VARIABLE,
                            "the line cannot take " + format(atMin.isPresent() ? min.get() : max.get()) + " there: "
                                    + atMin.or(() -> atMax).orElseThrow().problem());
            return Optional.empty();
        }
        if (!integer.get() && max.get() > min.get()) {
            double interior = interior(min.get(), max.get());
            Optional<SetEntryException> between = refused(template, path.get(), interior);
            if (between.isPresent()) {
                map.optional("type")
                        .orElseThrow()
                        .problem(
                                ProblemCode.TUNING_VARIABLE,
                                "expected integer: the line cannot take " + format(interior) + " there: "
                                        + between.get().problem());
                return Optional.empty();
            }
        }
        OptionalDouble current = template.valueAt(path.get());
        if (cost != 0 && current.isEmpty()) {
            map.optional("costPerHour")
                    .orElseThrow()
                    .problem(
                            ProblemCode.TUNING_VARIABLE,
                            "the base line has no number at " + path.get() + ", so its cost is unknown");
            return Optional.empty();
        }
        return at.problems()
                .guard(
                        at.node(),
                        at.path(),
                        () -> new TuningVariable(path.get(), integer.get(), min.get(), max.get(), cost, current));
    }

    /** A value between the bounds that is no whole number, so a path that takes only whole numbers shows itself. */
    private static double interior(double min, double max) {
        double range = max - min;
        double rounded = Math.round((min + 0.382 * range) * 1000) / 1000.0;
        if (rounded > min && rounded < max && rounded != Math.rint(rounded)) {
            return rounded;
        }
        return min + 0.382 * range;
    }

    /** A bound: any number, a whole one for an integer variable. */
    private static Optional<Double> bound(YamlCursor at, Optional<Boolean> integer) {
        Optional<Double> value = at.number();
        if (value.isPresent() && integer.orElse(false) && value.get() != Math.rint(value.get())) {
            at.problem(
                    ProblemCode.TUNING_VARIABLE,
                    "expected a whole number for an integer variable, got " + at.describe());
            return Optional.empty();
        }
        return value;
    }

    private static Optional<Double> cost(YamlCursor at, Optional<TuningObjective> objective) {
        if (objective.isPresent() && !objective.get().isProfit()) {
            at.problem(
                    ProblemCode.TUNING_OBJECTIVE,
                    "costPerHour counts only in the objective " + TuningObjective.PROFIT_PER_HOUR + ", not in "
                            + objective.get().kpi());
            return Optional.empty();
        }
        return at.number();
    }

    /** Why the line refuses {@code value} at {@code path}; empty when it takes it. */
    private static Optional<SetEntryException> refused(LineTemplate template, String path, double value) {
        try {
            template.with(Map.of(path, value));
            return Optional.empty();
        } catch (SetEntryException e) {
            return Optional.of(e);
        }
    }

    private static List<TuningConstraint> constraints(
            YamlCursor at, List<TuningVariable> variables, Map<String, YamlCursor> paths) {
        List<TuningConstraint> constraints = new ArrayList<>();
        at.items("")
                .ifPresent(items ->
                        items.forEach(item -> constraint(item, variables, paths).ifPresent(constraints::add)));
        return constraints;
    }

    private static Optional<TuningConstraint> constraint(
            YamlCursor at, List<TuningVariable> variables, Map<String, YamlCursor> paths) {
        Optional<MappingReader> mapping = at.mapping();
        if (mapping.isEmpty()) {
            return Optional.empty();
        }
        int before = at.problems().count();
        MappingReader map = mapping.get().allow(List.of("sum", "min", "max", "equals"));
        List<String> sum = new ArrayList<>();
        map.required("sum")
                .flatMap(c -> c.items(""))
                .ifPresent(items -> items.forEach(item -> item.text().ifPresent(path -> {
                    if (!paths.containsKey(path)) {
                        item.problem(
                                ProblemCode.REFERENCE_UNKNOWN_PATH,
                                "expected a path of tuning.variables, got '" + path + "'"
                                        + Suggestions.hint(path, paths.keySet()));
                    } else if (sum.contains(path)) {
                        item.problem(ProblemCode.ID_DUPLICATE, "'" + path + "' is already in this sum");
                    } else {
                        sum.add(path);
                    }
                })));
        Optional<Double> equals = map.optional("equals").flatMap(YamlCursor::number);
        OptionalDouble min = optional(map, "min");
        OptionalDouble max = optional(map, "max");
        if (map.has("equals") && (map.has("min") || map.has("max"))) {
            map.optional("equals")
                    .orElseThrow()
                    .problem(ProblemCode.KEY_CONFLICT, "expected equals alone or min/max, got both");
        } else if (!map.has("equals") && !map.has("min") && !map.has("max")) {
            at.problem(ProblemCode.KEY_MISSING, "expected min, max or equals, got none");
        }
        if (at.problems().count() > before || sum.isEmpty()) {
            return Optional.empty();
        }
        if (equals.isPresent()) {
            min = OptionalDouble.of(equals.get());
            max = OptionalDouble.of(equals.get());
        }
        OptionalDouble lo = min;
        OptionalDouble hi = max;
        Optional<TuningConstraint> constraint =
                at.problems().guard(at.node(), at.path(), () -> new TuningConstraint(sum, lo, hi));
        constraint.ifPresent(c -> checkReachable(c, variables, at));
        return constraint;
    }

    private static OptionalDouble optional(MappingReader map, String key) {
        return map.optional(key)
                .flatMap(YamlCursor::number)
                .map(OptionalDouble::of)
                .orElse(OptionalDouble.empty());
    }

    /** The sum's range given the variables' own bounds must meet the constraint's. */
    private static void checkReachable(TuningConstraint constraint, List<TuningVariable> variables, YamlCursor at) {
        double low = 0;
        double high = 0;
        boolean allInteger = true;
        for (String path : constraint.sum()) {
            TuningVariable v = variables.stream()
                    .filter(x -> x.path().equals(path))
                    .findFirst()
                    .orElseThrow();
            low += v.min();
            high += v.max();
            allInteger &= v.integer();
        }
        if (constraint.upper() < low || constraint.lower() > high) {
            at.problem(
                    ProblemCode.TUNING_INFEASIBLE,
                    "the constraints cannot be met: the sum of " + constraint.sum() + " lies in [" + format(low)
                            + ", " + format(high) + "] within the variables' bounds, which never meets "
                            + describe(constraint));
        } else if (allInteger && constraint.isEquality() && constraint.lower() != Math.rint(constraint.lower())) {
            at.problem(
                    ProblemCode.TUNING_INFEASIBLE,
                    "the constraints cannot be met: a sum of integer variables never equals "
                            + format(constraint.lower()));
        }
    }

    /** Every constraint may be reachable alone and yet contradict another; a repair search then finds no point. */
    private static void checkJointlyFeasible(TuningSpec spec, MappingReader map) {
        if (spec.constraints().isEmpty()) {
            return;
        }
        double[] start = new double[spec.variables().size()];
        for (int i = 0; i < start.length; i++) {
            TuningVariable v = spec.variables().get(i);
            start[i] = v.current().orElse((v.min() + v.max()) / 2);
        }
        if (spec.region().repair(start).isEmpty()) {
            map.optional("constraints")
                    .orElseThrow()
                    .problem(
                            ProblemCode.TUNING_INFEASIBLE,
                            "the constraints cannot be met together: no setting of"
                                    + " the variables within their bounds satisfies all of them");
        }
    }

    private static List<TuningGuard> guards(YamlCursor at) {
        List<TuningGuard> guards = new ArrayList<>();
        at.items("")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    map.allow(List.of("kpi", "worseBy"));
                    int before = item.problems().count();
                    Optional<String> kpi = map.required("kpi").flatMap(c -> c.choice(TuningSpec.KPIS));
                    double worseBy = map.optional("worseBy")
                            .flatMap(YamlCursor::nonNegative)
                            .orElse(0.0);
                    if (item.problems().count() == before && kpi.isPresent()) {
                        item.problems()
                                .guard(item.node(), item.path(), () -> new TuningGuard(kpi.get(), worseBy))
                                .ifPresent(guards::add);
                    }
                })));
        return guards;
    }

    private static int[] budget(YamlCursor at) {
        int[] budget = {TuningSpec.DEFAULT_EVALUATIONS, TuningSpec.DEFAULT_REPLICATIONS};
        at.mapping().ifPresent(map -> {
            map.allow(List.of("evaluations", "replications"));
            map.optional("evaluations").flatMap(c -> c.integer(1)).ifPresent(v -> budget[0] = v);
            map.optional("replications").flatMap(c -> c.integer(2)).ifPresent(v -> budget[1] = v);
        });
        return budget;
    }

    private static String describe(TuningConstraint constraint) {
        if (constraint.isEquality()) {
            return "= " + format(constraint.lower());
        }
        List<String> parts = new ArrayList<>();
        constraint.min().ifPresent(v -> parts.add(">= " + format(v)));
        constraint.max().ifPresent(v -> parts.add("<= " + format(v)));
        return String.join(" and ", parts);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
