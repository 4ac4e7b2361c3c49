package io.linetwin.app.json;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The problems of one input file, each {@code file:line:column key.path: message} like a scenario's, so that a
 * warm-start state or a twin snapshot points at its mistake the way a scenario file does. Collected, not thrown
 * one at a time: a hand-edited file shows all its mistakes in one run.
 */
public final class InputProblems {

    private record Problem(int line, int column, String path, String message) {}

    private final String file;
    private final List<Problem> found = new ArrayList<>();
    private final Set<String> places = new HashSet<>();

    public InputProblems(String file) {
        this.file = file;
    }

    /** Adds a problem; a second one at the same place and key is dropped (the first says it more exactly). */
    public void at(int line, int column, String path, String message) {
        if (places.add(line + ":" + column + " " + path)) {
            found.add(new Problem(line, column, path, message));
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    public int count() {
        return found.size();
    }

    /** One line per problem, in file order. */
    public List<String> lines() {
        List<Problem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column));
        return sorted.stream()
                .map(p -> file + ":" + p.line() + ":" + p.column() + " "
                        + (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())
                .toList();
    }
}
