package io.linetwin.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Writes one {@code set} entry ({@code buffers.b2.capacity: 40}) into a copy of the line's node tree. List items
 * are addressed by id (or a failure by name). Setting a parameter sets its value and keeps its limits.
 */
final class VariantPath {

    private static final Map<String, String> ITEM_NOUNS =
            Map.of("stations", "station", "buffers", "buffer", "failures", "failure", "products", "product");

    private VariantPath() {}

    /** Applies the entry; on failure returns why, and leaves the tree unusable. */
    static Optional<String> apply(Node line, String path, Node keyNode, Node value) {
        String[] segments = path.split("\\.", -1);
        for (String segment : segments) {
            if (segment.isEmpty()) {
                return Optional.of("expected a path like buffers.b2.capacity, got '" + path + "'");
            }
        }
        Node current = line;
        boolean listItem = false;
        String where = "line";
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean last = i == segments.length - 1;
            if (current instanceof SequenceNode sequence) {
                Optional<Node> item = item(sequence, segment);
                if (item.isEmpty()) {
                    String noun = ITEM_NOUNS.getOrDefault(segments[i - 1], "item");
                    return Optional.of(
                            "no " + noun + " '" + segment + "'" + Suggestions.hint(segment, names(sequence)));
                }
                if (last) {
                    return Optional.of("a variant sets one key of a " + ITEM_NOUNS.getOrDefault(segments[i - 1], "item")
                            + ", not the whole " + ITEM_NOUNS.getOrDefault(segments[i - 1], "item"));
                }
                current = item.get();
                listItem = true;
            } else if (current instanceof MappingNode mapping) {
                int index = indexOf(mapping, segment);
                if (index < 0) {
                    boolean parameter = i > 0 && segments[i - 1].equals("parameters");
                    if (last && (listItem || parameter)) {
                        // A key the base leaves at its default (scrap, servers, a parameter it lacks): the re-read
                        // validates its name.
                        mapping.getValue().add(new NodeTuple(key(segment, keyNode), value));
                        return Optional.empty();
                    }
                    if (listItem && segment.equals("parameters") && i == segments.length - 2) {
                        // A station without parameters takes one (e.g. a speed) like any key it leaves out.
                        MappingNode parameters = new MappingNode(
                                Tag.MAP,
                                true,
                                new ArrayList<>(),
                                keyNode.getStartMark(),
                                keyNode.getEndMark(),
                                org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
                        parameters.getValue().add(new NodeTuple(key(segments[i + 1], keyNode), value));
                        mapping.getValue().add(new NodeTuple(key(segment, keyNode), parameters));
                        return Optional.empty();
                    }
                    return Optional.of(
                            "no key '" + segment + "' under " + where + Suggestions.hint(segment, keys(mapping)));
                }
                NodeTuple tuple = mapping.getValue().get(index);
                if (last) {
                    boolean parameter = i > 0 && segments[i - 1].equals("parameters");
                    if (parameter && tuple.getValueNode() instanceof MappingNode limits) {
                        int valueIndex = indexOf(limits, "value");
                        if (valueIndex < 0) {
                            return Optional.of("parameter '" + segment + "' has no value to set");
                        }
                        NodeTuple old = limits.getValue().get(valueIndex);
                        limits.getValue().set(valueIndex, new NodeTuple(old.getKeyNode(), value));
                    } else {
                        mapping.getValue().set(index, new NodeTuple(tuple.getKeyNode(), value));
                    }
                    return Optional.empty();
                }
                current = tuple.getValueNode();
                listItem = false;
            } else {
                return Optional.of(where + " is a single value, not a mapping; set '" + where + "' itself");
            }
            where = i == 0 ? segment : where + "." + segment;
        }
        return Optional.empty();
    }

    private static Node key(String name, Node keyNode) {
        return new ScalarNode(
                Tag.STR,
                name,
                keyNode.getStartMark(),
                keyNode.getEndMark(),
                org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN);
    }

    private static Optional<Node> item(SequenceNode sequence, String name) {
        for (Node item : sequence.getValue()) {
            if (name.equals(nameOf(item))) {
                return Optional.of(item);
            }
        }
        return Optional.empty();
    }

    private static String nameOf(Node item) {
        return YamlCursor.nameOf(item, "id")
                .or(() -> YamlCursor.nameOf(item, "name"))
                .orElse(null);
    }

    private static List<String> names(SequenceNode sequence) {
        List<String> names = new ArrayList<>();
        sequence.getValue().forEach(item -> {
            String name = nameOf(item);
            if (name != null) {
                names.add(name);
            }
        });
        return names;
    }

    private static int indexOf(MappingNode mapping, String key) {
        List<NodeTuple> tuples = mapping.getValue();
        for (int i = 0; i < tuples.size(); i++) {
            if (tuples.get(i).getKeyNode() instanceof ScalarNode scalar
                    && scalar.getValue().equals(key)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> keys(MappingNode mapping) {
        List<String> keys = new ArrayList<>();
        mapping.getValue().forEach(t -> {
            if (t.getKeyNode() instanceof ScalarNode scalar) {
                keys.add(scalar.getValue());
            }
        });
        return keys;
    }
}
