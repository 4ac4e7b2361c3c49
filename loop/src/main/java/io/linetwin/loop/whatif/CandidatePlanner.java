package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import io.linetwin.loop.ParameterLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Gathers the candidates of every source for one what-if and keeps those worth simulating: each change within its
 * limits and one {@code maxStep} from the current value (what the gate will demand), no two candidates with the same
 * targets, none the caller vetoes (e.g. a change already pending as a proposal). What it drops, and why, is kept for
 * the report.
 */
public final class CandidatePlanner {

    private final List<CandidateSource> sources;
    private final ParameterLimits limits;
    private final Function<Candidate, Optional<String>> veto;
    private final List<String> dropped = new ArrayList<>();

    public CandidatePlanner(
            List<CandidateSource> sources, ParameterLimits limits, Function<Candidate, Optional<String>> veto) {
        this.sources = List.copyOf(sources);
        this.limits = Objects.requireNonNull(limits, "limits");
        this.veto = Objects.requireNonNull(veto, "veto");
    }

    public CandidatePlanner(List<CandidateSource> sources, ParameterLimits limits) {
        this(sources, limits, c -> Optional.empty());
    }

    public ParameterLimits limits() {
        return limits;
    }

    public List<Candidate> plan(CandidateContext context) {
        dropped.clear();
        List<Candidate> kept = new ArrayList<>();
        for (CandidateSource source : sources) {
            for (Candidate candidate : source.candidates(context)) {
                Optional<String> why = whyNot(candidate, kept);
                if (why.isPresent()) {
                    dropped.add(candidate.name() + ": " + why.get());
                } else {
                    kept.add(candidate);
                }
            }
            dropped.addAll(source.skipped());
        }
        return kept;
    }

    private Optional<String> whyNot(Candidate candidate, List<Candidate> kept) {
        for (Change change : candidate.changes()) {
            Optional<String> unreachable = limits.unreachable(change);
            if (unreachable.isPresent()) {
                return unreachable;
            }
        }
        for (Candidate other : kept) {
            if (other.sameTargets(candidate.changes())) {
                return Optional.of("same change as " + other.name());
            }
        }
        return veto.apply(candidate);
    }

    /** What the last {@link #plan} left out, one line per candidate. */
    public List<String> dropped() {
        return List.copyOf(dropped);
    }
}
