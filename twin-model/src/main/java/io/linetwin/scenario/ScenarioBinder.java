package io.linetwin.scenario;

import io.linetwin.model.EventEstimate;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineTemplate;
import io.linetwin.model.OutputSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.TuningSpec;
import io.linetwin.model.Variant;
import java.util.List;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.Node;

/** Binds the top level of a composed {@code linetwin/v1} document to a {@link Scenario}. */
final class ScenarioBinder {

    static final String SCHEMA = "linetwin/v1";

    private static final List<String> KEYS =
            List.of("schema", "name", "description", "line", "experiment", "variants", "output", "tuning");
    private static final List<String> NOT_YET = List.of("twin");

    private ScenarioBinder() {}

    static Optional<Scenario> bind(Node root, Problems problems) {
        YamlCursor at = new YamlCursor(root, "", problems);
        if (root == null || at.isNull()) {
            problems.at(
                    root,
                    "",
                    ProblemCode.DOCUMENT_NOT_A_SCENARIO,
                    "expected a " + SCHEMA + " scenario, got an empty file");
            return Optional.empty();
        }
        if (!at.isMapping()) {
            at.problem(
                    ProblemCode.DOCUMENT_NOT_A_SCENARIO,
                    "expected a " + SCHEMA + " scenario (a mapping with schema, name, line), got " + at.describe());
            return Optional.empty();
        }
        MappingReader map = at.mapping().orElseThrow().allow(KEYS, NOT_YET);
        map.required("schema", ProblemCode.KEY_MISSING, "required key is missing; expected \"" + SCHEMA + "\"")
                .ifPresent(schema -> {
                    if (!schema.isScalar() || !schema.rawText().equals(SCHEMA)) {
                        schema.problem(
                                ProblemCode.SCHEMA_UNSUPPORTED,
                                "expected \"" + SCHEMA + "\", got " + schema.describe());
                    }
                });
        Optional<String> name = map.required("name").flatMap(YamlCursor::text);
        String description =
                map.optional("description").flatMap(YamlCursor::text).orElse("");
        Optional<YamlCursor> lineAt = map.required("line");
        Optional<YamlCursor> experimentAt = map.optional("experiment");
        ExperimentSpec experiment = experimentAt
                .map(ExperimentReader::read)
                .orElseGet(() -> Optional.of(ExperimentReader.defaults()))
                .orElse(null);
        Optional<LineSpec> line =
                lineAt.flatMap(l -> LineReader.read(l.node(), name.orElse("line"), problems, experiment));
        OutputSpec output = line.isEmpty()
                ? null
                : map.optional("output")
                        .map(o -> OutputReader.read(o, line.get()))
                        .orElseGet(() -> Optional.of(OutputSpec.PARTS))
                        .orElse(null);
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        EventEstimate estimate = EventEstimate.of(line.orElseThrow(), experiment);
        if (!estimate.withinLimit()) {
            problems.at(
                    experimentAt.map(YamlCursor::node).orElse(root),
                    "experiment",
                    ProblemCode.RUN_TOO_LARGE,
                    estimate.refusal());
            return Optional.empty();
        }
        // Variants and tuning are read only over a valid base: otherwise each base problem would repeat in each.
        List<Variant> variants = map.optional("variants")
                .map(v -> VariantApplier.apply(v, lineAt.orElseThrow().node(), name.orElseThrow(), experiment))
                .orElse(List.of());
        LineTemplate template =
                new NodeLineTemplate(lineAt.orElseThrow().node(), name.orElseThrow(), problems.file(), experiment);
        Optional<TuningSpec> tuning = map.optional("tuning").flatMap(t -> TuningReader.read(t, template));
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        return problems.guard(
                root,
                "",
                () -> new Scenario(
                        name.orElseThrow(),
                        description,
                        line.orElseThrow(),
                        experiment,
                        variants,
                        output,
                        tuning,
                        template));
    }
}
