package io.linetwin.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A scenario's {@code tuning} section: what to optimise, the settings the tuner may change, the linear constraints
 * every candidate must meet, the KPIs it must not make worse, and its budget ({@code evaluations}: distinct
 * settings simulated in the search; {@code replications}: per setting in the search).
 */
public record TuningSpec(
        TuningObjective objective,
        List<TuningVariable> variables,
        List<TuningConstraint> constraints,
        List<TuningGuard> guards,
        int evaluations,
        int replications) {

    /** The KPIs an objective or a guard may name; each is measured per replication. */
    public static final List<String> KPIS = List.of("throughputPerHour", "wip", "leadTimeSeconds", "oee", "scrapRate");

    public static final int DEFAULT_EVALUATIONS = 300;
    public static final int DEFAULT_REPLICATIONS = 5;

    public TuningSpec {
        Objects.requireNonNull(objective, "objective");
        variables = List.copyOf(variables);
        constraints = List.copyOf(constraints);
        guards = List.copyOf(guards);
        if (variables.isEmpty()) {
            throw new IllegalArgumentException("tuning needs >= 1 variable, got none");
        }
        Set<String> paths = new HashSet<>();
        for (TuningVariable variable : variables) {
            if (!paths.add(variable.path())) {
                throw new IllegalArgumentException(
                        "tuning variable paths must be unique, got " + variable.path() + " twice");
            }
        }
        checkConstraints(variables, constraints, paths);
        Checks.atLeast("tuning evaluations", 1, evaluations);
        // Two replications are the fewest that give a variance, which the guards and the final selection need.
        Checks.atLeast("tuning replications", 2, replications);
    }

    public TuningSpec(TuningObjective objective, List<TuningVariable> variables, List<TuningConstraint> constraints) {
        this(objective, variables, constraints, List.of(), DEFAULT_EVALUATIONS, DEFAULT_REPLICATIONS);
    }

    private static void checkConstraints(
            List<TuningVariable> variables, List<TuningConstraint> constraints, Set<String> paths) {
        boolean anyInteger = variables.stream().anyMatch(TuningVariable::integer);
        Map<String, Integer> equalities = new HashMap<>();
        for (TuningConstraint constraint : constraints) {
            for (String path : constraint.sum()) {
                if (!paths.contains(path)) {
                    throw new IllegalArgumentException("constraint sum must name tuning variables, got " + path);
                }
                if (constraint.isEquality()) {
                    if (equalities.merge(path, 1, Integer::sum) > 1) {
                        throw new IllegalArgumentException(
                                "a variable may be in at most one equals constraint, got " + path + " in two");
                    }
                    boolean integer = variables.stream()
                            .filter(v -> v.path().equals(path))
                            .findFirst()
                            .orElseThrow()
                            .integer();
                    if (anyInteger && !integer) {
                        throw new IllegalArgumentException("an equals constraint among integer variables must sum"
                                + " integer variables only, got continuous " + path);
                    }
                }
            }
        }
    }

    /** The KPI's direction: true for throughput and OEE, false for WIP, lead time and scrap rate. */
    public static boolean higherIsBetter(String kpi) {
        return kpi.equals("throughputPerHour") || kpi.equals("oee") || kpi.equals(TuningObjective.PROFIT_PER_HOUR);
    }

    public Optional<TuningVariable> variable(String path) {
        return variables.stream().filter(v -> v.path().equals(path)).findFirst();
    }

    public int indexOf(String path) {
        for (int i = 0; i < variables.size(); i++) {
            if (variables.get(i).path().equals(path)) {
                return i;
            }
        }
        throw new IllegalArgumentException("path must name a tuning variable, got " + path);
    }

    public boolean allContinuous() {
        return variables.stream().noneMatch(TuningVariable::integer);
    }

    public TuningSpec withBudget(int newEvaluations, int newReplications) {
        return new TuningSpec(objective, variables, constraints, guards, newEvaluations, newReplications);
    }

    /** The set of settings the tuner may try. */
    public TuningRegion region() {
        return TuningRegion.of(this);
    }
}
