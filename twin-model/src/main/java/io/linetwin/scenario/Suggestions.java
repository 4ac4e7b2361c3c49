package io.linetwin.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Finds the known name a misspelt one most likely meant (Levenshtein distance, case-insensitive). */
public final class Suggestions {

    private Suggestions() {}

    public static Optional<String> nearest(String typed, Collection<String> known) {
        String target = typed.toLowerCase(Locale.ROOT);
        // Small typos only: a suggestion that shares little with the input misleads more than it helps.
        int limit = Math.max(1, Math.min(3, target.length() / 3 + 1));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            // Lengths further apart than the limit cannot be within it; skipping them keeps a hostile
            // 60,000-character name against thousands of ids from taking seconds.
            if (Math.abs(candidate.length() - target.length()) > limit) {
                continue;
            }
            int distance = distance(target, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return bestDistance <= limit && bestDistance < target.length() ? Optional.of(best) : Optional.empty();
    }

    /** "; did you mean 'x'?" or nothing. */
    public static String hint(String typed, Collection<String> known) {
        return nearest(typed, known).map(s -> "; did you mean '" + s + "'?").orElse("");
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
