package io.linetwin.twin.sync;

/** A twin checkpoint file that cannot be resumed from; the message is one line naming the file. */
public final class CheckpointException extends Exception {

    public CheckpointException(String message, Throwable cause) {
        super(message, cause);
    }

    public CheckpointException(String message) {
        super(message);
    }
}
