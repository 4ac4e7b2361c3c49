package io.linetwin.sim.experiment;

/** What a paired comparison of a variant against the baseline says about one KPI. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
    /** Significant, but smaller than the practical threshold ({@code compare --min-effect}). */
    NO_RELEVANT_DIFFERENCE("no relevant difference"),
    /** No pair of replications had the KPI (e.g. no part left the line, so there is no lead time). */
    NO_DATA("no data");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }

    /**
     * A difference counts only when its confidence interval excludes zero; its sign and the KPI's direction
     * then say whether the variant is better.
     */
    public static Verdict of(Estimate difference, boolean higherIsBetter) {
        if (!difference.hasData()) {
            return NO_DATA;
        }
        if (!difference.excludesZero()) {
            return NO_SIGNIFICANT_DIFFERENCE;
        }
        return (difference.mean() > 0) == higherIsBetter ? BETTER : WORSE;
    }

    /**
     * As {@link #of(Estimate, boolean)}, and a significant difference smaller than {@code minEffect} (a share, 0.01 =
     * 1 %) of the baseline's mean is no relevant difference: with enough replications any change is significant,
     * but a planner acts only on one that matters. With a baseline of 0 any significant change is relevant.
     */
    public static Verdict of(Estimate difference, boolean higherIsBetter, double baselineMean, double minEffect) {
        Verdict statistical = of(difference, higherIsBetter);
        if (statistical != BETTER && statistical != WORSE) {
            return statistical;
        }
        boolean relevant = baselineMean == 0 || Math.abs(difference.mean()) >= minEffect * Math.abs(baselineMean);
        return relevant ? statistical : NO_RELEVANT_DIFFERENCE;
    }
}
