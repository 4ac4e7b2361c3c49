package io.linetwin.loop.whatif;

import java.util.List;

/**
 * Where candidate changes come from: the scenario's variants, built-in rules, and — once parameter tuning is wired in
 * — the tuning result (its best values as changes). Called once per what-if, after the baseline ran.
 */
@FunctionalInterface
public interface CandidateSource {

    List<Candidate> candidates(CandidateContext context);

    /** What the last {@link #candidates} call left out and why, one line each (e.g. a variant no command can make). */
    default List<String> skipped() {
        return List.of();
    }
}
