package io.linetwin.loop.whatif;

import io.linetwin.loop.Change;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A change the what-if tries against the baseline.
 *
 * @param name    how tables and proposals call it ({@code faster-filler}, {@code raise-filler-speed})
 * @param origin  where it came from: {@code variant}, {@code rule:bottleneck}, {@code rule:long-failure},
 *                {@code tuning}
 * @param changes the parameter changes, at most one per station parameter
 */
public record Candidate(String name, String origin, List<Change> changes) {

    public Candidate {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(origin, "origin");
        changes = List.copyOf(changes);
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("candidate " + name + " needs >= 1 change, got 0");
        }
        Set<String> paths = new HashSet<>();
        for (Change change : changes) {
            if (!paths.add(change.path())) {
                throw new IllegalArgumentException("candidate " + name + " changes " + change.path() + " twice");
            }
        }
    }

    /** The changes as {@code a.x 1→2, b.y 3→4}. */
    public String describe() {
        return String.join(", ", changes.stream().map(Change::describe).toList());
    }

    /** True when both set the same parameters to the same values (wherever they started). */
    public boolean sameTargets(List<Change> others) {
        if (others.size() != changes.size()) {
            return false;
        }
        for (Change change : changes) {
            if (others.stream()
                    .noneMatch(o -> o.path().equals(change.path())
                            && Math.abs(o.to() - change.to()) <= 1e-9 * Math.max(1, Math.abs(change.to())))) {
                return false;
            }
        }
        return true;
    }
}
