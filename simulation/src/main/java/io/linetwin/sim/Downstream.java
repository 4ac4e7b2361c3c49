package io.linetwin.sim;

/** A block that parts are offered to: it says whether it has room and takes a part when it has. */
interface Downstream {

    boolean canAccept();

    /** Takes {@code part}; only called right after {@link #canAccept()} returned true. */
    void accept(Part part);
}
