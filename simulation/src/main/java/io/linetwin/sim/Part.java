package io.linetwin.sim;

/**
 * A part in the line: its id (release order), product (index into the line's products), when it was released,
 * which maker's unit it is counted in (index into the line's makers, see {@code io.linetwin.model.Makers}), and, only while a trace listens, the block it is in (so a move can name where it came from).
 */
final class Part {

    private final long id;
    private final int product;
    private final double releaseSeconds;
    /** The station that made the part as it is now (its release point, or the last assembly it was the base of). */
    private int maker;

    private String at;

    Part(long id, int product, double releaseSeconds) {
        this.id = id;
        this.product = product;
        this.releaseSeconds = releaseSeconds;
    }

    long id() {
        return id;
    }

    int product() {
        return product;
    }

    double releaseSeconds() {
        return releaseSeconds;
    }

    int maker() {
        return maker;
    }

    void maker(int makerIndex) {
        maker = makerIndex;
    }

    String at() {
        return at;
    }

    void at(String blockId) {
        at = blockId;
    }
}
