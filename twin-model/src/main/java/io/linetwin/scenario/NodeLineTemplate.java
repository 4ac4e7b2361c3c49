package io.linetwin.scenario;

import io.linetwin.model.ExperimentSpec;
import io.linetwin.model.LineSpec;
import io.linetwin.model.LineTemplate;
import io.linetwin.model.SetEntryException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A {@link LineTemplate} over the composed YAML of a scenario's line: each call writes the entries into a fresh
 * copy (the kept tree is never changed, so calls may come from several threads) and reads it like the file.
 */
final class NodeLineTemplate implements LineTemplate {

    /** Keys a station may leave out, with the value the line then has. */
    private static final Map<String, Double> DEFAULTS = Map.of("servers", 1.0, "scrap", 0.0);

    private static final int KEY_LINE = 1_000_000_000;
    private static final int VALUE_LINE = 2_000_000_000;

    private final Node line;
    private final String defaultLineId;
    private final String file;
    private final ExperimentSpec experiment;

    NodeLineTemplate(Node line, String defaultLineId, String file, ExperimentSpec experiment) {
        this.line = NodeTrees.copy(line);
        this.defaultLineId = defaultLineId;
        this.file = file;
        this.experiment = experiment;
    }

    @Override
    public LineSpec with(Map<String, ?> set) {
        Node copy = NodeTrees.copy(line);
        for (Map.Entry<String, ?> entry : set.entrySet()) {
            Optional<String> failure = VariantPath.apply(
                    copy,
                    entry.getKey(),
                    scalar(entry.getKey(), KEY_LINE),
                    scalar(LineTemplate.text(entry.getValue()), VALUE_LINE));
            if (failure.isPresent()) {
                throw new SetEntryException(entry.getKey(), failure.get(), true);
            }
        }
        Problems problems = new Problems(file);
        Optional<LineSpec> built = LineReader.read(copy, defaultLineId, problems, experiment);
        if (!problems.isEmpty() || built.isEmpty()) {
            if (problems.isEmpty()) {
                throw new SetEntryException(String.join(", ", set.keySet()), "the line could not be read", false);
            }
            ScenarioProblem first = problems.list().get(0);
            // A key the path added that the line does not know (stations.m1.speed) is a bad path, not a bad value.
            boolean badPath = first.line() == KEY_LINE + 1;
            throw new SetEntryException(
                    String.join(", ", set.keySet()),
                    badPath ? first.message() : first.keyPath() + ": " + first.message(),
                    badPath);
        }
        return built.get();
    }

    @Override
    public OptionalDouble valueAt(String path) {
        String[] segments = path.split("\\.", -1);
        Node current = line;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            Node next = null;
            if (current instanceof SequenceNode sequence) {
                for (Node item : sequence.getValue()) {
                    String name = YamlCursor.nameOf(item, "id")
                            .or(() -> YamlCursor.nameOf(item, "name"))
                            .orElse(null);
                    if (segment.equals(name)) {
                        next = item;
                    }
                }
            } else if (current instanceof MappingNode mapping) {
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode k
                            && k.getValue().equals(segment)) {
                        next = tuple.getValueNode();
                    }
                }
            }
            if (next == null) {
                return defaultAt(segments, i, current);
            }
            current = next;
        }
        if (current instanceof MappingNode limits
                && segments.length > 1
                && segments[segments.length - 2].equals("parameters")) {
            return valueAt(path + ".value");
        }
        return number(current);
    }

    /** The default of a key a station leaves out; a speed parameter the station lacks is 1. */
    private static OptionalDouble defaultAt(String[] segments, int missing, Node parent) {
        boolean stationKey = missing >= 2 && segments[0].equals("stations") && parent instanceof MappingNode;
        if (stationKey && missing == segments.length - 1 && DEFAULTS.containsKey(segments[missing])) {
            return OptionalDouble.of(DEFAULTS.get(segments[missing]));
        }
        boolean speed = segments.length == 4
                && segments[0].equals("stations")
                && segments[2].equals("parameters")
                && segments[3].equals(io.linetwin.model.StationSpec.SPEED)
                && missing >= 2;
        return speed ? OptionalDouble.of(1) : OptionalDouble.empty();
    }

    private static OptionalDouble number(Node node) {
        if (node instanceof ScalarNode scalar) {
            try {
                double value = Double.parseDouble(scalar.getValue().strip());
                return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                return OptionalDouble.empty();
            }
        }
        return OptionalDouble.empty();
    }

    /** A node placed on a line no file has, so the re-read's problems tell the entry's keys from its value. */
    private static Node scalar(String text, int line) {
        Mark mark = new Mark("set", 0, line, 0, new int[0], 0);
        return new ScalarNode(Tag.STR, text, mark, mark, DumperOptions.ScalarStyle.PLAIN);
    }
}
