package io.linetwin.scenario;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * The entries of a YAML mapping by key. Duplicate keys are problems here, because composing a node tree (unlike
 * constructing objects) keeps both and the second would win unnoticed.
 */
final class MappingReader {

    private final YamlCursor self;
    private final Map<String, NodeTuple> entries = new LinkedHashMap<>();

    MappingReader(YamlCursor self) {
        this.self = self;
        for (NodeTuple tuple : ((MappingNode) self.node()).getValue()) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode key)) {
                self.problems()
                        .at(
                                keyNode,
                                self.path(),
                                ProblemCode.VALUE_TYPE,
                                "expected a text key, got a mapping or list as key");
                continue;
            }
            if (entries.containsKey(key.getValue())) {
                Node first = entries.get(key.getValue()).getKeyNode();
                self.problems()
                        .at(
                                keyNode,
                                self.childPath(key.getValue()),
                                ProblemCode.YAML_DUPLICATE_KEY,
                                "duplicate key '" + key.getValue() + "' (first at "
                                        + (first.getStartMark().getLine() + 1) + ":"
                                        + (first.getStartMark().getColumn() + 1) + ")");
                continue;
            }
            entries.put(key.getValue(), tuple);
        }
    }

    YamlCursor self() {
        return self;
    }

    Set<String> keys() {
        return entries.keySet();
    }

    boolean has(String key) {
        return entries.containsKey(key);
    }

    /**
     * Reports keys outside {@code known}: those of {@code notYet} as "not supported yet" (a later feature must
     * never be silently ignored), the rest as unknown with the nearest known key.
     */
    MappingReader allow(Collection<String> known, Collection<String> notYet) {
        for (String key : entries.keySet()) {
            if (known.contains(key)) {
                continue;
            }
            if (notYet.contains(key)) {
                keyCursor(key)
                        .problem(
                                ProblemCode.KEY_NOT_SUPPORTED_YET,
                                "not supported yet: '" + key + "' arrives with later work; remove it for now");
            } else {
                String hint = Suggestions.nearest(key, known)
                        .map(s -> "; did you mean '" + s + "'?")
                        .orElse("; expected one of " + String.join(", ", known));
                keyCursor(key).problem(ProblemCode.KEY_UNKNOWN, "unknown key '" + key + "'" + hint);
            }
        }
        return this;
    }

    MappingReader allow(Collection<String> known) {
        return allow(known, List.of());
    }

    Optional<YamlCursor> optional(String key) {
        NodeTuple tuple = entries.get(key);
        return tuple == null ? Optional.empty() : Optional.of(self.child(key, tuple.getValueNode()));
    }

    Optional<YamlCursor> required(String key) {
        return required(key, ProblemCode.KEY_MISSING, "required key is missing");
    }

    Optional<YamlCursor> required(String key, ProblemCode code, String whenMissing) {
        Optional<YamlCursor> value = optional(key);
        if (value.isEmpty()) {
            self.problems().at(self.node(), self.childPath(key), code, whenMissing);
        }
        return value;
    }

    /** The key itself, for problems about the key rather than its value. */
    YamlCursor keyCursor(String key) {
        return self.child(key, entries.get(key).getKeyNode());
    }

    /** All entries as cursors on their values, in file order. */
    Map<String, YamlCursor> values() {
        Map<String, YamlCursor> values = new LinkedHashMap<>();
        entries.forEach((key, tuple) -> values.put(key, self.child(key, tuple.getValueNode())));
        return values;
    }
}
