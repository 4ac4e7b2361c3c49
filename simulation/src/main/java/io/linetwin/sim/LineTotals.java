package io.linetwin.sim;

/**
 * Whole-run part tallies (not only the window), for conservation: every released part is good out, scrapped
 * or still in the line at the end. {@code wipAtEnd} is counted from the buffers and servers, independently
 * of the tallies. Lost arrivals were never released. A warm start begins with {@code wipAtStart} parts in
 * the line (0 otherwise). {@code assembled}: parts an assembly built into another part (they leave the work in
 * process there). Always {@code wipAtStart + released = goodOut + scrapped + assembled + wipAtEnd}.
 */
public record LineTotals(
        long released, long goodOut, long scrapped, long lostArrivals, long wipAtEnd, long wipAtStart, long assembled) {

    public LineTotals {
        if (released < 0
                || goodOut < 0
                || scrapped < 0
                || lostArrivals < 0
                || wipAtEnd < 0
                || wipAtStart < 0
                || assembled < 0) {
            throw new IllegalArgumentException("totals must be >= 0, got released " + released + ", good out " + goodOut
                    + ", scrapped " + scrapped + ", lost " + lostArrivals + ", wip " + wipAtEnd);
        }
    }
}
