package io.linetwin.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.Node;

/** Collects the problems of one file, so a vendor sees all of them in one run instead of one per run. */
final class Problems {

    private final String file;
    private final List<ScenarioProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void at(Node node, String path, ProblemCode code, String message) {
        at(node == null ? null : node.getStartMark(), path, code, message);
    }

    void at(Mark mark, String path, ProblemCode code, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        found.add(new ScenarioProblem(file, line, column, path, message, code));
    }

    void add(ScenarioProblem problem) {
        found.add(problem);
    }

    int count() {
        return found.size();
    }

    boolean isEmpty() {
        return found.isEmpty();
    }

    /** Problems in file order; the sort is stable, so problems at one position keep the order found. */
    List<ScenarioProblem> list() {
        List<ScenarioProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(ScenarioProblem::line).thenComparingInt(ScenarioProblem::column));
        return List.copyOf(sorted);
    }

    /**
     * Builds a record, turning the checks of its compact constructor into a positioned problem: the records
     * guard the engine, these problems guide the author, and nothing may escape unpositioned. The readers build a
     * record only from values they read without a problem, so a null reaching one is a bug, not bad input.
     */
    <T> Optional<T> guard(Node node, String path, Supplier<T> build) {
        try {
            return Optional.of(build.get());
        } catch (IllegalArgumentException e) {
            at(node, path, ProblemCode.VALUE_INVALID, String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }
}
