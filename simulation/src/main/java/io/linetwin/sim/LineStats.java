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
    /** Parts in the line and their time integral per maker (the unit a part is counted in). */
    private long[] inLineByMaker = new long[1];

    private double[] wipSecondsByMaker = new double[1];
    private long[] goodInWindowByProduct = new long[1];

    /** Sizes the per-maker and per-product tallies; before any part enters. */
    void dimensions(int makers, int products) {
        inLineByMaker = new long[Math.max(1, makers)];
        wipSecondsByMaker = new double[inLineByMaker.length];
        goodInWindowByProduct = new long[Math.max(1, products)];
    }

    void release(Part part, double now) {
        accumulate(now);
        released++;
        inLine++;
        inLineByMaker[part.maker()]++;
    }

    /** Warm start: {@code part} was in the line when the run began; it was released before it. */
    void restore(Part part, double now) {
        accumulate(now);
        wipAtStart++;
        inLine++;
        inLineByMaker[part.maker()]++;
    }

    /** {@code part} goes on as the base of an assembly's kit: from now on it counts as that maker's unit. */
    void remake(Part part, int maker, double now) {
        accumulate(now);
        inLineByMaker[part.maker()]--;
        part.maker(maker);
        inLineByMaker[maker]++;
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
        inLineByMaker[part.maker()]--;
        goodOut++;
        if (windowOpen) {
            goodInWindow++;
            goodInWindowByProduct[part.product()]++;
            leadSecondsInWindow += now - part.releaseSeconds();
        }
    }

    void leaveScrapped(Part part, double now) {
        accumulate(now);
        inLine--;
        inLineByMaker[part.maker()]--;
        scrapped++;
    }

    void assemble(Part part, double now) {
        accumulate(now);
        inLine--;
        inLineByMaker[part.maker()]--;
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
        java.util.Arrays.fill(wipSecondsByMaker, 0);
        goodInWindow = 0;
        java.util.Arrays.fill(goodInWindowByProduct, 0);
        leadSecondsInWindow = 0;
    }

    void accumulate(double now) {
        double elapsed = now - lastSeconds;
        wipSeconds += inLine * elapsed;
        if (elapsed != 0) {
            for (int i = 0; i < inLineByMaker.length; i++) {
                wipSecondsByMaker[i] += inLineByMaker[i] * elapsed;
            }
        }
        lastSeconds = now;
    }

    /** Part-seconds in the line of maker {@code maker}'s parts over the window. */
    double wipSeconds(int maker) {
        return wipSecondsByMaker[maker];
    }

    /** Good parts of {@code product} that left the line in the window. */
    long goodInWindow(int product) {
        return goodInWindowByProduct[product];
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
