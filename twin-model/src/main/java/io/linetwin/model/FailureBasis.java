package io.linetwin.model;

/**
 * Which clock a failure mode's time between failures runs on; each name says the clock. A mode redraws its time
 * between failures when its repair ends; one that comes due while its equipment is halted (down, off shift or in a
 * planned stop) strikes when the equipment is next up.
 */
public enum FailureBasis {
    /** Runs while the equipment works: a machine processes a part, a conveyor's belt moves (wear-driven failures). */
    OPERATING,
    /**
     * Runs while the equipment is up: not under repair and not in a planned stop (it runs off shift). Scenario
     * files spell it {@code uptime}, or {@code calendar}, its earlier name.
     */
    UP_TIME,
    /** Runs all the time, repairs of other modes and planned stops included (time-driven failures). */
    WALL
}
