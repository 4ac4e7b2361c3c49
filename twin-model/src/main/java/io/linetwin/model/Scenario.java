package io.linetwin.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A self-contained, validated scenario: the line, how to run it, and its variants. */
public record Scenario(
        String name, String description, LineSpec line, ExperimentSpec experiment, List<Variant> variants) {

    public static final String BASELINE = "baseline";

    public Scenario {
        Checks.id("scenario name", name);
        description = description == null ? "" : description;
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(experiment, "experiment");
        variants = List.copyOf(variants);
    }

    public Optional<Variant> variant(String variantName) {
        return variants.stream().filter(v -> v.name().equals(variantName)).findFirst();
    }

    /** The line of a variant, or the base line for {@value #BASELINE}. */
    public LineSpec lineOf(String variantName) {
        if (BASELINE.equals(variantName)) {
            return line;
        }
        return variant(variantName)
                .orElseThrow(() -> new IllegalArgumentException("variant must be one of " + BASELINE + ", "
                        + variants.stream().map(Variant::name).toList() + ", got " + variantName))
                .line();
    }

    public Scenario withExperiment(ExperimentSpec newExperiment) {
        return new Scenario(name, description, line, newExperiment, variants);
    }
}
