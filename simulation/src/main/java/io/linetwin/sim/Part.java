package io.linetwin.sim;

/** A part in the line: its product (index into the line's products) and when it was released. */
final class Part {

    private final int product;
    private final double releaseSeconds;

    Part(int product, double releaseSeconds) {
        this.product = product;
        this.releaseSeconds = releaseSeconds;
    }

    int product() {
        return product;
    }

    double releaseSeconds() {
        return releaseSeconds;
    }
}
