package io.linetwin.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Copies and prints composed YAML trees; SnakeYAML's nodes are mutable, so variants work on copies. */
final class NodeTrees {

    // Composed trees of real files are shallow; a deeper one can only come from recursive aliases.
    private static final int MAX_DEPTH = 64;

    private NodeTrees() {}

    static Node copy(Node node) {
        return copy(node, 0);
    }

    private static Node copy(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return node;
        }
        if (node instanceof ScalarNode scalar) {
            return new ScalarNode(
                    scalar.getTag(),
                    scalar.getValue(),
                    scalar.getStartMark(),
                    scalar.getEndMark(),
                    scalar.getScalarStyle());
        }
        if (node instanceof SequenceNode sequence) {
            List<Node> items = new ArrayList<>();
            sequence.getValue().forEach(item -> items.add(copy(item, depth + 1)));
            return new SequenceNode(
                    sequence.getTag(),
                    true,
                    items,
                    sequence.getStartMark(),
                    sequence.getEndMark(),
                    sequence.getFlowStyle());
        }
        if (node instanceof MappingNode mapping) {
            List<NodeTuple> tuples = new ArrayList<>();
            mapping.getValue()
                    .forEach(t -> tuples.add(
                            new NodeTuple(copy(t.getKeyNode(), depth + 1), copy(t.getValueNode(), depth + 1))));
            return new MappingNode(
                    mapping.getTag(),
                    true,
                    tuples,
                    mapping.getStartMark(),
                    mapping.getEndMark(),
                    mapping.getFlowStyle());
        }
        return node;
    }

    /** A short flow-style rendering, for the {@code set} values a variant records. */
    static String text(Node node) {
        return text(node, 0);
    }

    private static String text(Node node, int depth) {
        if (depth > MAX_DEPTH) {
            return "...";
        }
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        if (node instanceof SequenceNode sequence) {
            return sequence.getValue().stream()
                    .map(n -> text(n, depth + 1))
                    .collect(Collectors.joining(", ", "[", "]"));
        }
        if (node instanceof MappingNode mapping) {
            return mapping.getValue().stream()
                    .map(t -> text(t.getKeyNode(), depth + 1) + ": " + text(t.getValueNode(), depth + 1))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return "";
    }

    /** Whether 1-based (line, column) lies within [start, end] of the nodes' marks. */
    static boolean covers(Node first, Node last, int line, int column) {
        return compare(first.getStartMark(), line, column) <= 0 && compare(last.getEndMark(), line, column) >= 0;
    }

    private static int compare(Mark mark, int line, int column) {
        if (mark == null) {
            return 0;
        }
        int byLine = Integer.compare(mark.getLine() + 1, line);
        return byLine != 0 ? byLine : Integer.compare(mark.getColumn() + 1, column);
    }
}
