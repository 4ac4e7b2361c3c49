package io.linetwin.app.twin;

import io.linetwin.twin.sync.CheckpointException;
import io.linetwin.twin.sync.KafkaConfigException;
import io.linetwin.twin.sync.KafkaUnavailableException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** The CLI's exit codes (DESIGN.md §5) and the one-line error reporting of the twin and broker commands. */
final class Exits {
    static final int OK = 0;
    static final int FAILURE = 1;
    static final int BAD_INPUT = 2;

    private Exits() {}

    /**
     * Runs {@code body}: input the user must fix (a file, an option, a client properties file, a checkpoint of
     * another line) is one line and exit 2; no broker, a refused login or any other failure one line and exit 1.
     */
    static int guarded(PrintWriter err, Callable<Integer> body) {
        try {
            return body.call();
        } catch (TwinInputException | KafkaConfigException | CheckpointException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (KafkaUnavailableException e) {
            err.println(e.getMessage());
            return FAILURE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("linetwin: interrupted");
            return FAILURE;
        } catch (Exception e) {
            err.println("linetwin: " + e);
            if (Boolean.getBoolean("linetwin.debug")) {
                e.printStackTrace(err);
            }
            return FAILURE;
        }
    }
}
