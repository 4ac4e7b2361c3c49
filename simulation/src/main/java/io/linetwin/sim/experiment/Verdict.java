package io.linetwin.sim.experiment;

/** What a paired comparison of a variant against the baseline says about one KPI. */
public enum Verdict {
    BETTER("better"),
    WORSE("worse"),
    NO_SIGNIFICANT_DIFFERENCE("no significant difference"),
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
}
