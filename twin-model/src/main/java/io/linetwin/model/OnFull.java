package io.linetwin.model;

/** What a source does with an arrived part when its downstream has no room. */
public enum OnFull {
    /** Holds the part and stops arrivals until room frees up. */
    BLOCK,
    /** Drops the part and counts a lost arrival. */
    DROP
}
