package io.linetwin.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A self-contained, validated scenario: the line, how to run it, its variants, what its output is counted in
 * ({@link OutputUnits#of(Scenario)} resolves the units per station), its optional tuning section, and the template
 * that builds further variants of its line from {@code set} entries.
 */
public record Scenario(
        String name,
        String description,
        LineSpec line,
        ExperimentSpec experiment,
        List<Variant> variants,
        OutputSpec output,
        Optional<TuningSpec> tuning,
        LineTemplate template) {

    public static final String BASELINE = "baseline";

    public Scenario {
        Checks.id("scenario name", name);
        description = description == null ? "" : description;
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(experiment, "experiment");
        variants = List.copyOf(variants);
        Objects.requireNonNull(tuning, "tuning");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(output, "output");
        for (String product : output.byProduct().keySet()) {
            if (line.products().stream().noneMatch(p -> p.id().equals(product))) {
                throw new IllegalArgumentException("output.byProduct must name products of the line, got " + product);
            }
        }
        for (String station : output.stations().keySet()) {
            if (!Makers.of(line).makers().contains(station)) {
                throw new IllegalArgumentException(
                        "output.stations must name release points or assemblies of the " + "line, got " + station);
            }
        }
    }

    /** A scenario built in code: counted in parts, no tuning section, and no line text for {@link #variantOf}. */
    public Scenario(String name, String description, LineSpec line, ExperimentSpec experiment, List<Variant> variants) {
        this(name, description, line, experiment, variants, OutputSpec.PARTS, Optional.empty(), LineTemplate.NONE);
    }

    /**
     * A variant made at run time from {@code set} entries (path → number or YAML text), built and validated
     * like the variants of the file; e.g. the tuner's recommendation.
     *
     * @throws IllegalArgumentException naming the entry, when a path does not exist or the line becomes invalid
     */
    public Variant variantOf(String variantName, Map<String, ?> set) {
        Map<String, String> texts = new LinkedHashMap<>();
        set.forEach((path, value) -> texts.put(path, LineTemplate.text(value)));
        return new Variant(variantName, texts, template.with(set));
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
        return new Scenario(name, description, line, newExperiment, variants, output, tuning, template);
    }
}
