package io.linetwin.scenario;

import io.linetwin.model.EventEstimate;
import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Builds each variant by writing its {@code set} entries into a copy of the line's YAML and reading that copy
 * like the base file. Problems of the re-read are moved to the {@code set} entry that caused them, so the
 * author is pointed at the variant, not at base lines that are fine on their own.
 */
final class VariantApplier {

    private record Entry(String path, YamlCursor key, YamlCursor value) {}

    private VariantApplier() {}

    static List<Variant> apply(YamlCursor variantsAt, Node lineNode, String defaultLineId, ExperimentSpec experiment) {
        List<Variant> variants = new ArrayList<>();
        Set<String> names = new HashSet<>();
        variantsAt
                .items("name")
                .ifPresent(items -> items.forEach(item -> item.mapping().ifPresent(map -> {
                    map.allow(List.of("name", "set"));
                    Optional<String> name = map.required("name").flatMap(YamlCursor::id);
                    Optional<YamlCursor> setAt = map.required("set");
                    if (name.isPresent() && !unique(map.optional("name").orElseThrow(), name.get(), names)) {
                        return;
                    }
                    Optional<MappingReader> set = setAt.flatMap(YamlCursor::mapping);
                    if (name.isEmpty() || set.isEmpty()) {
                        return;
                    }
                    if (set.get().keys().isEmpty()) {
                        setAt.get()
                                .problem(
                                        ProblemCode.VALUE_EMPTY,
                                        "expected at least one path: value, got an empty mapping");
                        return;
                    }
                    build(name.get(), set.get(), lineNode, defaultLineId, experiment)
                            .ifPresent(variants::add);
                })));
        return variants;
    }

    private static boolean unique(YamlCursor nameAt, String name, Set<String> names) {
        if (name.equals(Scenario.BASELINE)) {
            nameAt.problem(
                    ProblemCode.ID_RESERVED,
                    "'" + Scenario.BASELINE + "' names the base line; choose another variant name");
            return false;
        }
        if (!names.add(name)) {
            nameAt.problem(ProblemCode.ID_DUPLICATE, "duplicate variant name '" + name + "'");
            return false;
        }
        return true;
    }

    private static Optional<Variant> build(
            String name, MappingReader set, Node lineNode, String defaultLineId, ExperimentSpec experiment) {
        Problems problems = set.self().problems();
        Node copy = NodeTrees.copy(lineNode);
        List<Entry> entries = new ArrayList<>();
        Map<String, String> texts = new LinkedHashMap<>();
        boolean applied = true;
        for (Map.Entry<String, YamlCursor> e : set.values().entrySet()) {
            YamlCursor key = set.keyCursor(e.getKey());
            Optional<String> failure =
                    VariantPath.apply(copy, e.getKey(), key.node(), e.getValue().node());
            if (failure.isPresent()) {
                key.problem(ProblemCode.REFERENCE_UNKNOWN_PATH, failure.get());
                applied = false;
            }
            entries.add(new Entry(e.getKey(), key, e.getValue()));
            texts.put(e.getKey(), NodeTrees.text(e.getValue().node()));
        }
        if (!applied) {
            return Optional.empty();
        }
        Problems reread = new Problems(problems.file());
        Optional<LineSpec> line = LineReader.read(copy, defaultLineId, reread, experiment);
        reread.list().forEach(p -> problems.add(moved(p, set.self(), entries)));
        if (line.isPresent() && reread.isEmpty()) {
            EventEstimate estimate = EventEstimate.of(line.get(), experiment);
            if (!estimate.withinLimit()) {
                set.self().problem(ProblemCode.RUN_TOO_LARGE, "makes " + estimate.refusal());
                return Optional.empty();
            }
        }
        return line.filter(l -> reread.isEmpty()).map(l -> new Variant(name, texts, l));
    }

    private static ScenarioProblem moved(ScenarioProblem problem, YamlCursor setAt, List<Entry> entries) {
        for (Entry entry : entries) {
            if (NodeTrees.covers(entry.key().node(), entry.value().node(), problem.line(), problem.column())) {
                String path = entry.value().isMapping() && problem.keyPath().startsWith(entry.path() + ".")
                        ? setAt.path() + "." + problem.keyPath()
                        : entry.key().path();
                return problem.at(problem.line(), problem.column(), path);
            }
        }
        int line = setAt.node().getStartMark().getLine() + 1;
        int column = setAt.node().getStartMark().getColumn() + 1;
        return new ScenarioProblem(
                problem.file(),
                line,
                column,
                setAt.path(),
                "makes " + problem.keyPath() + " invalid: " + problem.message(),
                problem.code());
    }
}
