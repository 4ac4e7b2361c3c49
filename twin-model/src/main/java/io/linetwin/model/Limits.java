package io.linetwin.model;

/**
 * What a scenario may ask for: bounds set by what runs on one machine in reasonable time and memory, so that a
 * careless or hostile file is refused with a message instead of hanging or running out of memory. Documented
 * in {@code scenarios/README.md} ("Limits"); the loader reports each as a positioned problem and the records
 * refuse values beyond them at birth.
 */
public final class Limits {

    /** Bytes of a scenario file: ten times the largest plant model we know of. */
    public static final long MAX_FILE_BYTES = 4L * 1024 * 1024;
    /** Characters of one word (a run without blanks); SnakeYAML scans a long word in quadratic time. */
    public static final int MAX_WORD_CHARS = 64 * 1024;
    /** Nesting of YAML collections; a scenario needs about eight levels. */
    public static final int MAX_NESTING = 50;
    /** YAML aliases for collections; a scenario needs none, a "billion laughs" file needs many. */
    public static final int MAX_ALIASES = 50;

    public static final int MAX_STATIONS = 5_000;
    /** Buffers, conveyors and AGV moves together. */
    public static final int MAX_LINKS = 10_000;

    public static final int MAX_PRODUCTS = 1_000;
    /** AGV moves: every empty drive between their ends is checked for a path, so they count squared. */
    public static final int MAX_MOVES = 100;

    public static final int MAX_PATH_NODES = 1_000;
    public static final int MAX_PATH_EDGES = 5_000;
    /** Failure modes of one station or conveyor; shifts of a line; variants of a scenario. */
    public static final int MAX_LIST_ITEMS = 1_000;

    public static final int MAX_MATERIALS = 1_000;
    public static final int MAX_SERVERS = 1_000;
    /** Parts a finite buffer may hold ({@code unlimited} is allowed apart from this). */
    public static final int MAX_BUFFER_CAPACITY = 1_000_000;
    /** Parts on one conveyor, or waiting at one AGV pickup place: both are held in arrays of this size. */
    public static final int MAX_CONVEYOR_CAPACITY = 100_000;

    public static final int MAX_VEHICLES = 1_000;
    /** Parts of one input per assembled unit: the staging place is an array of this size. */
    public static final int MAX_INPUT_COUNT = 10_000;

    public static final int MAX_REPLICATIONS = 10_000;
    /** Warm-up plus horizon: 100 years of 365 days. Beyond it a double clock loses sub-millisecond precision. */
    public static final double MAX_RUN_SECONDS = 100 * 365 * 86_400.0;
    /**
     * The shortest statistics window: one second. A shorter one is no production measure, and after a long
     * warm-up a double clock cannot tell its ends apart (1e-9 s after 10 days gave state shares above 1).
     */
    public static final double MIN_HORIZON_SECONDS = 1;
    /**
     * Events an experiment may need by {@link EventEstimate}: about ten hours of one core at the engine's 3
     * million events a second. An estimate beyond it is almost always a unit mistake ({@code 1e-300s}, a speed of
     * {@code 1e300}, a horizon of {@code 1e6d}).
     */
    public static final double MAX_EVENTS = 1e11;
    /**
     * Parts in the line at once. An unlimited buffer fed faster than it drains grows without end; past this the
     * engine stops the run with a message instead of filling the memory.
     */
    public static final long MAX_PARTS_IN_LINE = 5_000_000;

    private Limits() {}
}
