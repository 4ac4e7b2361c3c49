package io.linetwin.sim;

/**
 * The parts that crossed one node's boundary in the statistics window, by product: in, out (good parts passed
 * on or out of the line), scrapped, and assembled (built into another part at an assembly). A node's stock is
 * not kept here but counted from the block itself, so the balance stock + in - out - scrapped - assembled is a
 * check of two independent bookkeepings. A warm start's restored parts are stock, never flows.
 */
final class PartFlows {

    private final long[] in;
    private final long[] out;
    private final long[] scrapped;
    private final long[] assembled;

    PartFlows(int products) {
        in = new long[products];
        out = new long[products];
        scrapped = new long[products];
        assembled = new long[products];
    }

    void in(Part part) {
        in[part.product()]++;
    }

    void out(Part part) {
        out[part.product()]++;
    }

    void scrapped(Part part) {
        scrapped[part.product()]++;
    }

    void assembled(Part part) {
        assembled[part.product()]++;
    }

    /** Flows count from the window's start. */
    void openWindow() {
        java.util.Arrays.fill(in, 0);
        java.util.Arrays.fill(out, 0);
        java.util.Arrays.fill(scrapped, 0);
        java.util.Arrays.fill(assembled, 0);
    }

    long in(int product) {
        return in[product];
    }

    long out(int product) {
        return out[product];
    }

    long scrapped(int product) {
        return scrapped[product];
    }

    long assembled(int product) {
        return assembled[product];
    }
}
