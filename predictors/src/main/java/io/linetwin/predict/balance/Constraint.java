package io.linetwin.predict.balance;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A linear conservation law over the streams: {@code sum of coefficient x stream = 0}. {@code id} names it, e.g.
 * {@code balance:filler:half-litre}, {@code total:filler.out}, {@code outflow:filler:litre}, {@code bom:packer:cartons}.
 */
public record Constraint(String id, ConstraintKind kind, String node, List<Term> terms) {

    public Constraint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(node, "node");
        terms = List.copyOf(terms);
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("constraint " + id + " must have at least one term, got none");
        }
        Set<Integer> seen = new HashSet<>();
        for (Term term : terms) {
            if (!seen.add(term.stream())) {
                throw new IllegalArgumentException(
                        "constraint " + id + " must name each stream once, got stream " + term.stream() + " twice");
            }
        }
    }

    /** {@code sum of coefficient x value}: zero when the law holds. */
    public double residual(double[] values) {
        double sum = 0;
        for (Term term : terms) {
            sum += term.coefficient() * values[term.stream()];
        }
        return sum;
    }

    /** {@code sum of |coefficient x value|}: the scale a residual is small against. */
    public double scale(double[] values) {
        double sum = 0;
        for (Term term : terms) {
            sum += Math.abs(term.coefficient() * values[term.stream()]);
        }
        return sum;
    }
}
