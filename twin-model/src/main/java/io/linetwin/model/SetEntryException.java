package io.linetwin.model;

/**
 * A {@code set} entry a line cannot take: its path names nothing in the line ({@link #badPath()}), or the line
 * with its value is invalid ({@link #problem()} then names the key at fault, e.g. {@code buffers.b2.capacity:
 * expected a whole number >= 0, got "2.5"}).
 */
public final class SetEntryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String path;
    private final String problem;
    private final boolean badPath;

    public SetEntryException(String path, String problem, boolean badPath) {
        super(path + (badPath ? ": " : ": makes the line invalid: ") + problem);
        this.path = path;
        this.problem = problem;
        this.badPath = badPath;
    }

    /** The entry's path as given. */
    public String path() {
        return path;
    }

    public String problem() {
        return problem;
    }

    public boolean badPath() {
        return badPath;
    }
}
