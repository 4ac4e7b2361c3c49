package io.linetwin.scenario;

import java.util.List;

/** A scenario file that cannot be used, with every problem found in it (at least one). */
public final class ScenarioException extends Exception {

    private final List<ScenarioProblem> problems;

    public ScenarioException(List<ScenarioProblem> problems) {
        super(firstOf(problems));
        this.problems = List.copyOf(problems);
    }

    private static String firstOf(List<ScenarioProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a scenario exception needs at least one problem, got none");
        }
        return problems.get(0).toString();
    }

    /** All problems, in file order. */
    public List<ScenarioProblem> problems() {
        return problems;
    }
}
