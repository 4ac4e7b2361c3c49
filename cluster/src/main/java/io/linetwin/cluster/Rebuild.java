package io.linetwin.cluster;

import io.linetwin.model.LineState;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import io.linetwin.scenario.ScenarioException;
import io.linetwin.scenario.ScenarioLoader;
import io.linetwin.scenario.ScenarioProblem;
import io.linetwin.sim.experiment.Candidate;
import io.linetwin.sim.experiment.Experiment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds candidates again from the scenario text, as the driver built them: the base line for no {@code set}
 * entries, the file's own variant when name and entries match it (its entries may be whole mappings), else the
 * entries written into the base line. Parsed scenarios are kept per JVM, so a worker reads a file once.
 */
final class Rebuild {

    private static final int KEPT_SCENARIOS = 8;

    /** How a worker's "cannot load" message begins; the driver finds it inside Spark's report of the task. */
    static final String DOES_NOT_LOAD = "the scenario does not load on this worker: ";

    private static final Map<ScenarioSource, Scenario> SCENARIOS = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<ScenarioSource, Scenario> eldest) {
            return size() > KEPT_SCENARIOS;
        }
    };

    private Rebuild() {}

    static Scenario scenario(ScenarioSource source) {
        synchronized (SCENARIOS) {
            Scenario known = SCENARIOS.get(source);
            if (known != null) {
                return known;
            }
        }
        Scenario parsed;
        try {
            parsed = ScenarioLoader.parse(source.text(), source.fileName());
        } catch (ScenarioException e) {
            throw new IllegalStateException(doesNotLoad(e.problems()), e);
        }
        synchronized (SCENARIOS) {
            SCENARIOS.put(source, parsed);
        }
        return parsed;
    }

    /**
     * The one line that reaches the user from a worker: the first problem as the local path prints it (file, line,
     * column, key and its stable code), so a script can act on the code whichever JVM found the problem.
     */
    static String doesNotLoad(List<ScenarioProblem> problems) {
        String more = problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "";
        return DOES_NOT_LOAD + problems.get(0).toLine() + more;
    }

    static Candidate candidate(Scenario scenario, JobPayload.CandidateRecipe recipe, List<LineState> states) {
        Optional<LineState> start = recipe.state() < 0 ? Optional.empty() : Optional.of(states.get(recipe.state()));
        return Candidate.of(variant(scenario, recipe.name(), recipe.set()), recipe.experiment(), start);
    }

    private static Variant variant(Scenario scenario, String name, Map<String, String> set) {
        if (set.isEmpty()) {
            Variant base = Experiment.baseline(scenario);
            return new Variant(name, set, base.line());
        }
        Optional<Variant> own = scenario.variant(name).filter(v -> v.set().equals(set));
        return own.orElseGet(() -> scenario.variantOf(name, set));
    }
}
