package io.linetwin.sim;

/** A block that feeds another; told when room frees up downstream so it can offer what it holds. */
interface Upstream {

    void roomAvailable();
}
