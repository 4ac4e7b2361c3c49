package io.linetwin.model;

/** Which clock a failure mode's time between failures runs on. */
public enum FailureBasis {
    /** Runs only while the machine processes a part (wear-driven failures). */
    OPERATING,
    /** Always runs (time-driven failures); one that comes due during a repair waits for the machine to be up. */
    CALENDAR
}
