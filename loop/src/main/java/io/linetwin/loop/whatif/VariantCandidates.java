package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import io.linetwin.loop.ParameterPath;
import io.linetwin.model.Scenario;
import io.linetwin.model.Variant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The scenario's variants that a command can make: every {@code set} path is a writable station parameter
 * ({@code stations.<id>.parameters.<name>}). Others (a bigger buffer, another product mix) need a person with a
 * spanner, not a command: they are skipped, and {@link #skipped()} says why.
 */
public final class VariantCandidates implements CandidateSource {

    private final Scenario scenario;
    private final List<String> skipped = new ArrayList<>();

    public VariantCandidates(Scenario scenario) {
        this.scenario = scenario;
    }

    @Override
    public List<Candidate> candidates(CandidateContext context) {
        skipped.clear();
        List<Candidate> candidates = new ArrayList<>();
        for (Variant variant : scenario.variants()) {
            List<Change> changes = new ArrayList<>();
            String problem = null;
            for (Map.Entry<String, String> set : variant.set().entrySet()) {
                Optional<ParameterPath> path = ParameterPath.parse(set.getKey());
                if (path.isEmpty()) {
                    problem = set.getKey() + " is not a station parameter";
                    break;
                }
                String station = path.get().station();
                String parameter = path.get().parameter();
                if (context.limits().limit(station, parameter).isEmpty()) {
                    problem = set.getKey() + " is not writable (no min, max and maxStep)";
                    break;
                }
                OptionalDouble from = context.current(station, parameter);
                double to;
                try {
                    to = Double.parseDouble(set.getValue());
                } catch (NumberFormatException e) {
                    problem = set.getKey() + " is not a number: " + set.getValue();
                    break;
                }
                if (from.isEmpty()) {
                    problem = set.getKey() + " has no current value";
                    break;
                }
                if (from.getAsDouble() != to) {
                    changes.add(new Change(station, parameter, from.getAsDouble(), to));
                }
            }
            if (problem != null) {
                skipped.add(variant.name() + ": " + problem);
            } else if (changes.isEmpty()) {
                skipped.add(variant.name() + ": the line already runs it");
            } else {
                candidates.add(new Candidate(variant.name(), "variant", changes));
            }
        }
        return candidates;
    }

    @Override
    public List<String> skipped() {
        return List.copyOf(skipped);
    }
}
