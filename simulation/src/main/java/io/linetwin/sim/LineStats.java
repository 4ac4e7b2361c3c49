package io.linetwin.sim;

/**
 * Line-level flow: whole-run totals for conservation checks and window statistics (time-average WIP, good
 * parts leaving and their lead times). Parts leaving in the window count whenever they were released.
 */
final class LineStats {

    private long wipAtStart;
    private long released;
    private long goodOut;
    private long scrapped;
    private long assembled;
    private long lostArrivals;
    private long inLine;
    private boolean windowOpen;
    private double lastSeconds;
    private double wipSeconds;
    private long goodInWindow;
    private double leadSecondsInWindow;

    void release(double now) {
        accumulate(now);
        released++;
        inLine++;
    }

    /** Warm start: {@code parts} were in the line when the run began; they were released before it. */
    void restore(long parts) {
        wipAtStart += parts;
        inLine += parts;
    }

    long wipAtStart() {
        return wipAtStart;
    }

    /** Parts in the line now, by the release and exit tallies. */
    long inLine() {
        return inLine;
    }

    void leaveGood(Part part, double now) {
        accumulate(now);
        inLine--;
        goodOut++;
        if (windowOpen) {
            goodInWindow++;
            leadSecondsInWindow += now - part.releaseSeconds();
        }
    }

    void leaveScrapped(double now) {
        accumulate(now);
        inLine--;
        scrapped++;
    }

    void assemble(double now) {
        accumulate(now);
        inLine--;
        assembled++;
    }

    long assembled() {
        return assembled;
    }

    void loseArrival() {
        lostArrivals++;
    }

    void openWindow(double now) {
        accumulate(now);
        windowOpen = true;
        wipSeconds = 0;
        goodInWindow = 0;
        leadSecondsInWindow = 0;
    }

    void accumulate(double now) {
        wipSeconds += inLine * (now - lastSeconds);
        lastSeconds = now;
    }

    long released() {
        return released;
    }

    long goodOut() {
        return goodOut;
    }

    long scrapped() {
        return scrapped;
    }

    long lostArrivals() {
        return lostArrivals;
    }

    double wipSeconds() {
        return wipSeconds;
    }

    long goodInWindow() {
        return goodInWindow;
    }

    double leadSecondsInWindow() {
        return leadSecondsInWindow;
    }
}
