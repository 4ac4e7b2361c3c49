package io.linetwin.cluster;

/** The cluster cannot take the work: its master is unreachable, or no executor joins. */
public final class ClusterUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ClusterUnavailableException(String message) {
        super(message);
    }

    /** The message alone: the CLI prints it as the one line the user reads. */
    @Override
    public String toString() {
        return getMessage();
    }
}
